package io.clearflow.mining.organisation;

import java.util.List;

/**
 * Who works with whom. {@code handovers}: work passed from one person to another (directed);
 * {@code workingTogether}: two people in the same case (undirected, {@code first} before {@code second}
 * by name); {@code activities}: who performs each activity. Sorted by count, highest first.
 */
public record OrganisationReport(List<Handover> handovers, List<Together> workingTogether,
                                 List<ActivityResources> activities) {

    /** {@code count}: direct successions from source to target; {@code cases}: cases with at least one. */
    public record Handover(String source, String target, long count, long cases) {
    }

    public record Together(String first, String second, long cases) {
    }

    public record ActivityResources(String activity, long events, List<ResourceCount> resources) {
    }

    public record ResourceCount(String resource, long events) {
    }
}
