package io.clearflow.demand.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.demand.DemandTestApplication;
import io.clearflow.demand.api.DemandOutcomes;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link DemandOutcomes} over rows of a department of its own: decided = delivered or rejected, closed in the period
 * (inclusive UTC days); sums of the delivered ones only; the split link from the task table. The rows are written
 * around the service (no rollup upkeep), so they are rolled back: other tests of the shared context compare the
 * maintained rollup with a from-scratch aggregation of every demand.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@ActiveProfiles("test")
@Transactional
class DemandOutcomesTest {

    @Autowired DemandOutcomes outcomes;
    @Autowired JdbcTemplate jdbc;

    long demand(String department, String title, String state, String closedAt, Integer value, String estimate, String actual) {
        jdbc.update("INSERT INTO cf_demand (title, description, department, requester, category, urgency, regulatory, state,"
                + " value_score, estimate_days, actual_days, submitted_at, submitted_month, closed_at, closed_month)"
                + " VALUES (?, 'd', ?, 'zhangsan', 'FEATURE', 'NORMAL', FALSE, ?, ?, ?, ?, ?, '2026-01', ?, ?)", title, department,
                state, value, estimate == null ? null : new BigDecimal(estimate), actual == null ? null : new BigDecimal(actual),
                Timestamp.from(Instant.parse("2026-01-02T00:00:00Z")),
                closedAt == null ? null : Timestamp.from(Instant.parse(closedAt)), closedAt == null ? null : closedAt.substring(0, 7));
        return jdbc.queryForObject("SELECT MAX(id) FROM cf_demand WHERE department = ?", Long.class, department);
    }

    @Test
    void decidedDeliveredAndTheirWorkloadInThePeriod() {
        String dept = "dept-out-" + UUID.randomUUID().toString().substring(0, 8);
        long a = demand(dept, "A", "DONE", "2026-03-01T00:00:00Z", 70, "4", "5");
        jdbc.update("INSERT INTO cf_demand_task (demand_id, title, status, sync_state, updated_at) VALUES (?, 't', 'DONE', 'LOCAL', ?)",
                a, Timestamp.from(Instant.now()));
        demand(dept, "B", "DONE", "2026-03-31T23:59:59Z", null, null, "2.5");
        demand(dept, "C", "REJECTED", "2026-03-15T00:00:00Z", 10, "9", null);
        demand(dept, "D", "DONE", "2026-04-01T00:00:00Z", 50, "1", "1");
        demand(dept, "E", "TRACKING", null, 50, "3", null);

        DemandOutcomes.Outcome march = outcomes.outcome(dept, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(march.decided()).isEqualTo(3);
        assertThat(march.delivered()).isEqualTo(2);
        assertThat(march.estimatedDays()).isEqualByComparingTo("4");
        assertThat(march.actualDays()).isEqualByComparingTo("7.5");
        assertThat(outcomes.outcome(dept, null, null).decided()).isEqualTo(4);

        var decided = outcomes.decided(dept, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(decided).extracting(DemandOutcomes.DecidedDemand::title).containsExactly("A", "C", "B");
        var first = decided.get(0);
        assertThat(first.delivered()).isTrue();
        assertThat(first.evaluated()).isTrue();
        assertThat(first.split()).isTrue();
        assertThat(first.valueScore()).isEqualTo(70);
        assertThat(first.closedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(decided.get(1).delivered()).isFalse();
        assertThat(decided.get(2).evaluated()).isFalse();
        assertThat(decided.get(2).split()).isFalse();
        assertThat(outcomes.decided("dept-nobody", null, null)).isEmpty();
    }
}
