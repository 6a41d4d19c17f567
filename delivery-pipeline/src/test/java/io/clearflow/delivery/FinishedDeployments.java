package io.clearflow.delivery;

import io.clearflow.delivery.deployment.DeploymentFinished;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every {@link DeploymentFinished} of the context: they are published on the executors' threads, which
 * {@code @RecordApplicationEvents} (bound to the test's thread) does not see.
 */
@Component
public class FinishedDeployments {

    public final List<DeploymentFinished> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(DeploymentFinished event) {
        events.add(event);
    }
}
