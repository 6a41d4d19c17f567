package io.clearflow.testmetrics.ingest;

import io.clearflow.testmetrics.store.RunRepository;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Where a report belongs: the system's code (e.g. {@code ctrade}), its version ({@code 3.2.0}) and optionally a
 * run (a CI build number or a test round); without a run the report belongs to the version's run {@code -}.
 * Messages are bundle keys; {@link io.clearflow.testmetrics.InputCheck} checks a target with {@link #INVALID}.
 */
public record UploadTarget(
        @NotNull(message = "{tm.error.project}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "{tm.error.project}") String project,
        @NotNull(message = "{tm.error.version}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._+-]{0,63}", message = "{tm.error.version}") String version,
        @Pattern(regexp = RunRepository.NO_RUN + "|[A-Za-z0-9#][A-Za-z0-9._:#+-]{0,63}", message = "{tm.error.run}")
        String run) {

    /** The problem's detail when a name is malformed (400 with field errors). */
    public static final String INVALID = "the report's project, version or run is invalid";

    public UploadTarget {
        project = project == null ? null : project.strip();
        version = version == null ? null : version.strip();
        run = run == null || run.isBlank() ? RunRepository.NO_RUN : run.strip();
    }
}
