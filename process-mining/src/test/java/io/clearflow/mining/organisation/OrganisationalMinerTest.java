package io.clearflow.mining.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import org.junit.jupiter.api.Test;

/**
 * Worked by hand. Case 1: register (ann), check (bob), check (bob), decide (cid).
 * Case 2: register (ann), check (—, no resource), decide (bob), notify (ann).
 * Case 3: register (ann) start by dan then complete by ann, check (cid).
 * Hand-overs: ann>bob 2 (cases 1, 2: the event without a resource is passed over), bob>cid 1, bob>ann 1,
 * ann>cid 1; bob>bob is no hand-over; case 3's start event is not control flow. Together: ann-bob 2,
 * ann-cid 2, bob-cid 1.
 */
class OrganisationalMinerTest {

    private static EventLog log() {
        EventLogBuilder b = new EventLogBuilder("org");
        b.add("1", "register", 1, "ann", null, null, "complete", null);
        b.add("1", "check", 2, "bob", null, null, "complete", null);
        b.add("1", "check", 3, "bob", null, null, "complete", null);
        b.add("1", "decide", 4, "cid", null, null, "complete", null);
        b.add("2", "register", 1, "ann", null, null, "complete", null);
        b.add("2", "check", 2, null, null, null, "complete", null);
        b.add("2", "decide", 3, "bob", null, null, "complete", null);
        b.add("2", "notify", 4, "ann", null, null, "complete", null);
        b.add("3", "register", 1, "dan", null, null, "start", null);
        b.add("3", "register", 2, "ann", null, null, "complete", null);
        b.add("3", "check", 3, "cid", null, null, "complete", null);
        return b.build();
    }

    @Test
    void handoversWorkingTogetherAndResourcesPerActivity() {
        OrganisationReport report = OrganisationalMiner.mine(log());

        assertThat(report.handovers()).containsExactly(
                new OrganisationReport.Handover("ann", "bob", 2, 2),
                new OrganisationReport.Handover("ann", "cid", 1, 1),
                new OrganisationReport.Handover("bob", "ann", 1, 1),
                new OrganisationReport.Handover("bob", "cid", 1, 1));
        assertThat(report.workingTogether()).containsExactly(
                new OrganisationReport.Together("ann", "bob", 2),
                new OrganisationReport.Together("ann", "cid", 2),
                new OrganisationReport.Together("bob", "cid", 1));
        OrganisationReport.ActivityResources check = report.activities().stream()
                .filter(a -> a.activity().equals("check")).findFirst().orElseThrow();
        assertThat(check.events()).isEqualTo(4); // one of them without a resource
        assertThat(check.resources()).containsExactly(new OrganisationReport.ResourceCount("bob", 2),
                new OrganisationReport.ResourceCount("cid", 1));
        OrganisationReport.ActivityResources register = report.activities().stream()
                .filter(a -> a.activity().equals("register")).findFirst().orElseThrow();
        assertThat(register.resources()).containsExactly(new OrganisationReport.ResourceCount("ann", 3));
    }
}
