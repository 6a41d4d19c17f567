package io.clearflow.demand.stats;

import static io.clearflow.demand.support.RollupRows.normalised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.demand.DemandTestApplication;
import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.demand.lifecycle.DemandInput;
import io.clearflow.demand.lifecycle.DemandQueries;
import io.clearflow.demand.lifecycle.DemandService;
import io.clearflow.demand.lifecycle.DemandTask;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistics pre-aggregation kept by {@link DemandRollup} equals a from-scratch aggregation of
 * cf_demand after a mix of lifecycle changes through the service: rejection at triage and at
 * compliance, a business-acceptance rejection back to tracking (twice for one demand), closing
 * on time and late, with and without an expected date and estimate; and a refused change (wrong
 * state) leaves it untouched.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@ActiveProfiles("test")
class DemandRollupTest {

    @Autowired DemandService demands;
    @Autowired DemandRollup rollup;
    @Autowired DemandStatistics statistics;
    @Autowired DemandQueries queries;
    @Autowired OrgDirectory directory;
    @Autowired JdbcTemplate jdbc;

    Member requester() {
        return directory.requireMember("zhangsan");
    }

    Member manager() {
        return directory.requireMember("zhouba");
    }

    long submit(String title, boolean regulated, LocalDate expected) {
        return demands.submit(requester(), new NewDemand(title, "rollup", regulated ? "REPORT" : "FEATURE", null, "NORMAL",
                regulated, regulated ? "证监会令第1号" : null, expected, null), List.of()).id();
    }

    /** Triaged (and approved by compliance when regulated), evaluated, split into one task, done and delivered. */
    long delivered(String title, boolean regulated, LocalDate expected, String estimate, boolean late) {
        long id = submit(title, regulated, expected);
        demands.triage(manager(), id, true, null);
        if (regulated) {
            demands.complianceDecision(directory.requireMember("hegui"), id, true, null);
        }
        demands.evaluate(manager(), id, new DemandInput.Evaluation(6, new BigDecimal(estimate), "P2", "v9.1"));
        demands.split(manager(), id, List.of(new DemandInput.NewTask("开发", new BigDecimal("2"), null)));
        finishTasks(id);
        if (late) {
            // time passed: the expected date is behind us when IT hands over
            jdbc.update("UPDATE cf_demand SET expected_date = ? WHERE id = ?", LocalDate.now().minusDays(1), id);
        }
        demands.deliver(manager(), id);
        return id;
    }

    void finishTasks(long id) {
        for (DemandTask t : demands.detail(manager(), id).tasks()) {
            demands.updateTask(manager(), t.id(), DemandTask.Status.DONE, new BigDecimal("1.5"));
        }
    }

    @Test
    void theMaintainedRollupEqualsAFromScratchAggregationAfterMixedLifecycleChanges() {
        LocalDate future = LocalDate.now().plusDays(30);

        long rejectedAtTriage = submit("受理拒绝", false, null);
        demands.triage(manager(), rejectedAtTriage, false, "重复需求");
        long rejectedByCompliance = submit("合规拒绝", true, future);
        demands.triage(manager(), rejectedByCompliance, true, null);
        demands.complianceDecision(directory.requireMember("hegui"), rejectedByCompliance, false, "不合规");
        submit("仍待受理", false, null);

        long firstTime = delivered("一次验收", false, future, "4.5", false);
        demands.acceptance(requester(), firstTime, true, null);
        long late = delivered("延期", true, future, "1", true);
        demands.acceptance(requester(), late, true, null);
        long reworked = delivered("两次返工", false, future, "3", false);
        for (int round = 0; round < 2; round++) {
            // business-acceptance rejection: back to tracking, then handed over again
            demands.acceptance(requester(), reworked, false, "数据不对");
            assertThat(demands.demand(manager(), reworked).state()).isEqualTo(DemandState.TRACKING);
            demands.deliver(manager(), reworked);
        }
        demands.acceptance(requester(), reworked, true, null);
        long waiting = delivered("待验收", false, null, "2", false);
        demands.acceptance(requester(), waiting, false, "再改");

        // a change refused for the wrong state changes nothing
        var before = normalised(rollup.maintained());
        assertThatThrownBy(() -> demands.acceptance(requester(), waiting, true, null)).isInstanceOf(ConflictException.class);
        assertThat(normalised(rollup.maintained())).isEqualTo(before);

        assertThat(normalised(rollup.maintained())).isEqualTo(normalised(rollup.fromScratch()));

        // and what the statistics read off it for this department is what these demands say
        String department = requester().department();
        Map<String, Object> done = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(CASE WHEN acceptance_rejections = 0 "
                + "THEN 1 ELSE 0 END) AS first_time FROM cf_demand WHERE department = ? AND state = 'DONE'", department);
        DemandStatistics.DepartmentFigures f = statistics.figures(manager(), department, null, null).departments().get(0);
        assertThat(f.closed()).isEqualTo(((Number) done.get("N")).longValue());
        assertThat(f.firstTimeAcceptanceRate()).isEqualTo(((Number) done.get("FIRST_TIME")).doubleValue() / f.closed());
        assertThat(f.counts().get(DemandState.TRACKING)).isGreaterThanOrEqualTo(1);

        // version tracking (one pass with per-demand task counts) agrees with plain counts
        DemandQueries.VersionRow v = queries.versions(manager(), null).stream()
                .filter(r -> r.version().equals("v9.1")).findFirst().orElseThrow();
        assertThat(v.demands()).isEqualTo(4);
        assertThat(v.done()).isEqualTo(3);
        assertThat(v.tasks()).isEqualTo(4);
        assertThat(v.tasksDone()).isEqualTo(4);
        assertThat(v.estimatedDays()).isEqualByComparingTo("10.5");
    }
}
