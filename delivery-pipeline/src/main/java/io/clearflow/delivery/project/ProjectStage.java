package io.clearflow.delivery.project;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stages of a project's life, in order (seed (a): initiation → review → commerce → QC milestones →
 * go-live/update → acceptance → post-project operation). {@link #code()} is what {@code del_project.stage}
 * stores and what the API and the cockpit's {@code projectsByStage} use; labels come from the bundle key
 * {@code delivery.project.stage.<code>}.
 */
public enum ProjectStage {
    INITIATION("initiation"),
    REVIEW("review"),
    COMMERCE("commerce"),
    QC("qc"),
    GO_LIVE("golive"),
    ACCEPTANCE("acceptance"),
    OPERATION("operation"),
    CLOSED("closed"),
    CANCELLED("cancelled");

    private final String code;

    ProjectStage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ProjectStage> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The stages a running or finished project passes through, in order; cancelled is off this path. */
    public static List<ProjectStage> path() {
        return List.of(INITIATION, REVIEW, COMMERCE, QC, GO_LIVE, ACCEPTANCE, OPERATION, CLOSED);
    }
}
