package io.clearflow.delivery;

import io.clearflow.delivery.execution.DeploymentExecutor;
import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.ExecutionListener;
import org.springframework.stereotype.Component;

/** A test executor of kind {@code instant} that reports running and success inside {@code start} itself. */
@Component
public class InstantExecutor implements DeploymentExecutor {

    @Override
    public String kind() {
        return "instant";
    }

    @Override
    public void start(DeploymentOrder order, ExecutionListener listener) {
        listener.running(order.deploymentId(), "instant");
        listener.finished(order.deploymentId(), true, "done at once");
    }

    @Override
    public void resume(DeploymentOrder order, String reference, ExecutionListener listener) {
        start(order, listener);
    }
}
