package io.clearflow.delivery.execution;

/**
 * Carries out a deployment: the embedded runner (local commands, the default with nothing installed) or
 * Jenkins (a parameterised job per system and environment). An environment names its executor by
 * {@link #kind()} and gives it its settings; the deployment itself (state, change, incident) is kept by the
 * caller, which hears about progress through the {@link ExecutionListener}.
 */
public interface DeploymentExecutor {

    /** The name an environment uses to pick this executor, e.g. {@code embedded} or {@code jenkins}. */
    String kind();

    /**
     * Starts the deployment and returns at once; progress and the outcome arrive through the listener,
     * from another thread. An executor that cannot start now (Jenkins down) keeps trying with back-off and
     * reports each attempt's error through {@link ExecutionListener#problem}; it never drops an order.
     */
    void start(DeploymentOrder order, ExecutionListener listener);

    /**
     * Picks up a deployment that was running when the platform stopped, from the last reference the
     * listener was given (a Jenkins build number). An executor that cannot resume reports it finished
     * as failed with the reason.
     */
    void resume(DeploymentOrder order, String reference, ExecutionListener listener);
}
