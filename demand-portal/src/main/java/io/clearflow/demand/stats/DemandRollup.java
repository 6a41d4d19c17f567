package io.clearflow.demand.stats;

import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.lifecycle.DemandService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code cf_demand_rollup} (department × submission month × state, and closing month for DONE
 * demands) in step with {@code cf_demand}: every lifecycle change moves one demand from one row to
 * another <em>in the same transaction</em> as the change itself (a plain, synchronous event
 * listener), so the statistics never see a half-applied change and a rolled-back change leaves the
 * figures untouched.
 *
 * <p>Sums (workload, on time, first-time acceptance, lead time) are carried on DONE rows only; DONE
 * is terminal and its columns are final when the demand reaches it, so each closed demand adds them
 * exactly once. A business-acceptance rejection (ACCEPTANCE → TRACKING) only moves a count.
 *
 * <p>Concurrency: the counter update takes a row lock on one rollup row until commit, so two
 * lifecycle changes of the same department and month in the same state queue for a few
 * milliseconds; demands change state a few times a day each, far below where that matters. How a
 * missing row is created without an upsert is {@link DemandRollupRepository#add}'s.
 */
@Component
public class DemandRollup {

    private final DemandRollupRepository rollup;
    private final DemandStatisticsQueries demands;

    DemandRollup(DemandRollupRepository rollup, DemandStatisticsQueries demands) {
        this.rollup = rollup;
        this.demands = demands;
    }

    /** The rows as maintained (empty rows left by moved demands omitted), sorted by key. */
    public List<Map<String, Object>> maintained() {
        return rollup.maintained();
    }

    /** The rows computed from scratch out of cf_demand, sorted like {@link #maintained()}. */
    public List<Map<String, Object>> fromScratch() {
        return rollup.fromScratch();
    }

    /** Runs inside the transaction of the lifecycle change that published the event. */
    @EventListener
    public void on(DemandService.StateChanged change) {
        DemandStatisticsQueries.RollupFacts f = demands.rollupFacts(change.demandId());
        if (change.from() != null) {
            add(f, change.from(), -1);
        }
        add(f, change.to(), 1);
    }

    private void add(DemandStatisticsQueries.RollupFacts f, DemandState state, int sign) {
        boolean done = state == DemandState.DONE;
        String closedMonth = done && f.closedMonth() != null ? f.closedMonth().trim() : "";
        BigDecimal signum = BigDecimal.valueOf(sign);
        rollup.add(new DemandRollupRepository.Key(f.department(), f.submittedMonth().trim(), state, closedMonth),
                new DemandRollupRepository.Figures(sign,
                        done ? zero(f.estimate()).multiply(signum) : BigDecimal.ZERO,
                        done ? zero(f.actual()).multiply(signum) : BigDecimal.ZERO,
                        done && Boolean.TRUE.equals(f.onTime()) ? sign : 0,
                        done && f.onTime() != null ? sign : 0,
                        done && f.acceptanceRejections() == 0 ? sign : 0,
                        done && f.leadSeconds() != null ? sign : 0,
                        done && f.leadSeconds() != null ? sign * f.leadSeconds() : 0L));
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
