package io.clearflow.mining.organisation;

import io.clearflow.mining.log.EventLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Organisational mining as pm4py's social-network analysis does it (handover of work without
 * indirect successions, working together) plus resources per activity. Events are the control-flow
 * ones (complete events when the log has lifecycles, as in the DFG); events without
 * {@code org:resource} are passed over, so a hand-over is between the nearest events that name a person.
 * A person succeeding themself is no hand-over.
 */
public final class OrganisationalMiner {

    private OrganisationalMiner() {
    }

    public static OrganisationReport mine(EventLog log) {
        Map<Long, long[]> handovers = new HashMap<>(); // {count, cases}
        Map<Long, long[]> together = new HashMap<>();
        Map<Integer, Map<Integer, long[]>> perActivity = new HashMap<>();
        Set<Long> inCase = new HashSet<>();
        for (int c = 0; c < log.caseCount(); c++) {
            inCase.clear();
            TreeSet<Integer> people = new TreeSet<>();
            int previous = EventLog.NONE;
            for (int e : log.completeEvents(c)) {
                int r = log.resource(e);
                perActivity.computeIfAbsent(log.activity(e), k -> new HashMap<>())
                        .computeIfAbsent(r, k -> new long[1])[0]++;
                if (r == EventLog.NONE) {
                    continue;
                }
                people.add(r);
                if (previous != EventLog.NONE && previous != r) {
                    long key = ((long) previous << 32) | r;
                    long[] counts = handovers.computeIfAbsent(key, k -> new long[2]);
                    counts[0]++;
                    if (inCase.add(key)) {
                        counts[1]++;
                    }
                }
                previous = r;
            }
            Integer[] list = people.toArray(new Integer[0]);
            for (int i = 0; i < list.length; i++) {
                for (int j = i + 1; j < list.length; j++) {
                    together.computeIfAbsent(((long) list[i] << 32) | list[j], k -> new long[1])[0]++;
                }
            }
        }
        List<OrganisationReport.Handover> handoverList = new ArrayList<>();
        handovers.forEach((key, counts) -> handoverList.add(new OrganisationReport.Handover(
                log.resourceName((int) (key >>> 32)), log.resourceName((int) (long) key), counts[0], counts[1])));
        handoverList.sort(Comparator.comparingLong(OrganisationReport.Handover::count).reversed()
                .thenComparing(OrganisationReport.Handover::source).thenComparing(OrganisationReport.Handover::target));
        List<OrganisationReport.Together> togetherList = new ArrayList<>();
        together.forEach((key, counts) -> {
            String a = log.resourceName((int) (key >>> 32));
            String b = log.resourceName((int) (long) key);
            togetherList.add(a.compareTo(b) <= 0 ? new OrganisationReport.Together(a, b, counts[0])
                    : new OrganisationReport.Together(b, a, counts[0]));
        });
        togetherList.sort(Comparator.comparingLong(OrganisationReport.Together::cases).reversed()
                .thenComparing(OrganisationReport.Together::first).thenComparing(OrganisationReport.Together::second));
        List<OrganisationReport.ActivityResources> activities = new ArrayList<>();
        perActivity.forEach((a, byResource) -> {
            List<OrganisationReport.ResourceCount> resources = new ArrayList<>();
            long total = 0;
            for (Map.Entry<Integer, long[]> entry : byResource.entrySet()) {
                total += entry.getValue()[0];
                if (entry.getKey() != EventLog.NONE) {
                    resources.add(new OrganisationReport.ResourceCount(log.resourceName(entry.getKey()), entry.getValue()[0]));
                }
            }
            resources.sort(Comparator.comparingLong(OrganisationReport.ResourceCount::events).reversed()
                    .thenComparing(OrganisationReport.ResourceCount::resource));
            activities.add(new OrganisationReport.ActivityResources(log.activityName(a), total, resources));
        });
        activities.sort(Comparator.comparingLong(OrganisationReport.ActivityResources::events).reversed()
                .thenComparing(OrganisationReport.ActivityResources::activity));
        return new OrganisationReport(handoverList, togetherList, activities);
    }
}
