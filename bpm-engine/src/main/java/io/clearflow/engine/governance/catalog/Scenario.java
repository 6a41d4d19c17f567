package io.clearflow.engine.governance.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A business scenario of the catalog with where it stands in the five steps.
 *
 * @param activeVersion    scenario version now active (newest publication), {@code null} before the first
 * @param designValid      validity of the current design, {@code null} when there is none
 */
public record Scenario(String id, String name, String description, String sourceType, String sourceReference,
                       String ownerDepartment, String businessCategory, List<String> characteristics,
                       boolean directIntegration, String integrationReason, String recommendedMode, String mode,
                       String modeReason, String classifiedBy, Instant classifiedAt, String processKey,
                       String createdBy, Instant createdAt, Instant updatedAt, Integer activeVersion,
                       Boolean designValid) {

    public Scenario {
        characteristics = List.copyOf(characteristics);
    }

    /** identified, not-suitable, classified, designed, published */
    public String stage() {
        if (directIntegration) {
            return "not-suitable";
        }
        if (activeVersion != null) {
            return "published";
        }
        if (Boolean.TRUE.equals(designValid)) {
            return "designed";
        }
        return mode != null ? "classified" : "identified";
    }

    /** The mode was chosen differently from the recommendation. */
    public boolean overridden() {
        return mode != null && recommendedMode != null && !mode.equals(recommendedMode);
    }
}
