package io.clearflow.demand.stats;

import io.clearflow.demand.api.DemandOutcomes;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public {@link DemandOutcomes} over the statistics' read model: the closing time is indexed by state, and a
 * period is a range on it, so a year of one department reads only its closed rows.
 */
@Component
class DemandOutcomesAdapter implements DemandOutcomes {

    private final DemandStatisticsQueries queries;

    DemandOutcomesAdapter(DemandStatisticsQueries queries) {
        this.queries = queries;
    }

    @Override
    @Transactional(readOnly = true)
    public Outcome outcome(String department, LocalDate from, LocalDate to) {
        return queries.outcome(department, from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DecidedDemand> decided(String department, LocalDate from, LocalDate to) {
        return queries.decided(department, from, to);
    }
}
