package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.governance.ValidationReport;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Validating a BPMN file on request (the validator page, REST, CI): changes nothing and stores nothing. */
@Service
public class ModelValidation {

    private final GovernanceAccess access;
    private final BpmnValidator validator;

    ModelValidation(GovernanceAccess access, BpmnValidator validator) {
        this.access = access;
        this.validator = validator;
    }

    /** For REST: an unknown mode is refused (400), a file over the limit too (413). */
    public ValidationReport validate(Member member, BpmnFile file, String mode) {
        access.requireValidate(member);
        if (mode != null && !Vocabulary.MODES.contains(mode)) {
            throw new InvalidRequestException("gov.refused.unknownMode", Map.of("mode", "gov.error.modeOneOf"));
        }
        return validator.validate(file.requireWithinLimit().content(), mode);
    }

    /** For the validator page, which shows a report for every file: a too large one gets one finding, an unknown mode is none. */
    public ValidationReport report(Member member, BpmnFile file, String mode) {
        access.requireValidate(member);
        if (file.tooLarge()) {
            return file.tooLargeReport(new CatalogService.ModelTooLargeException(file.size()).getMessage());
        }
        return validator.validate(file.content(), mode != null && Vocabulary.MODES.contains(mode) ? mode : null);
    }
}
