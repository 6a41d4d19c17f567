package io.clearflow.testmetrics.ingest;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.testmetrics.store.RunRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a report belongs: the system's code (e.g. {@code ctrade}), its version ({@code 3.2.0}) and optionally a
 * run (a CI build number or a test round); without a run the report belongs to the version's run {@code -}.
 */
public record UploadTarget(String project, String version, String run) {

    static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    static final Pattern RUN = Pattern.compile("[A-Za-z0-9#][A-Za-z0-9._:#+-]{0,63}");

    public UploadTarget {
        project = project == null ? null : project.strip();
        version = version == null ? null : version.strip();
        run = run == null || run.isBlank() ? RunRepository.NO_RUN : run.strip();
    }

    /** Refuses malformed names with field errors (400). */
    public UploadTarget checked() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (project == null || !PROJECT.matcher(project).matches()) {
            errors.put("project", "tm.error.project");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            errors.put("version", "tm.error.version");
        }
        if (!RunRepository.NO_RUN.equals(run) && !RUN.matcher(run).matches()) {
            errors.put("run", "tm.error.run");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the report's project, version or run is invalid", errors);
        }
        return this;
    }
}
