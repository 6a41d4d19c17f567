package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandWork;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The public {@link DemandWork} over the demand and task tables. */
@Component
class DemandWorkAdapter implements DemandWork {

    private final DemandRepository demands;
    private final DemandTaskRepository tasks;

    DemandWorkAdapter(DemandRepository demands, DemandTaskRepository tasks) {
        this.demands = demands;
        this.tasks = tasks;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DemandWorkItem> find(long demandId) {
        return demands.find(demandId).map(d -> new DemandWorkItem(d.id(), d.title(), d.state(), d.department(),
                tasks.ofDemand(d.id()).stream().map(t -> new TaskRef(t.id(), t.title(), t.status().name(), t.jiraKey(),
                        t.jiraStatus())).toList()));
    }
}
