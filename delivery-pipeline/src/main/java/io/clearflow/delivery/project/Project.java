package io.clearflow.delivery.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A row of {@code del_project} with its systems (codes). */
public record Project(long id, String name, String department, ProjectStage stage, String caseId, BigDecimal budget,
                      BigDecimal expectedBenefit, String createdBy, Instant createdAt, Instant stageEnteredAt,
                      Instant acceptedAt, List<String> systems) {

    public Project {
        systems = List.copyOf(systems);
    }

    public String key() {
        return "PRJ-" + id;
    }

    public boolean open() {
        return stage != ProjectStage.CLOSED && stage != ProjectStage.CANCELLED;
    }
}
