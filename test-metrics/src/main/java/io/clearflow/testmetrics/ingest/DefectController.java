package io.clearflow.testmetrics.ingest;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.testmetrics.InputCheck;
import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.api.DefectRecord;
import io.clearflow.testmetrics.api.TestEvidence;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/test-metrics/projects/{project}/defects}: defects as {@link DefectRecord}s (e.g. mapped from Jira
 * by a CI job), inserted or updated by key; the same call as {@link TestEvidence#recordDefects}.
 */
@RestController
class DefectController {

    static final int MAX_DEFECTS = 5_000;

    private final TestEvidence evidence;
    private final Validator validator;

    DefectController(TestEvidence evidence, Validator validator) {
        this.evidence = evidence;
        this.validator = validator;
    }

    @Idempotent
    @PostMapping("/api/test-metrics/projects/{project}/defects")
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    Map<String, Integer> record(@PathVariable String project, @RequestBody List<DefectRecord> defects) {
        InputCheck.validate(validator, new UploadTarget(project, "0", null), UploadTarget.INVALID);
        if (defects.size() > MAX_DEFECTS) {
            throw new InvalidRequestException("tm.evidence.error.defectCount", Map.of(), String.valueOf(MAX_DEFECTS));
        }
        return Map.of("written", evidence.recordDefects(project, defects));
    }
}
