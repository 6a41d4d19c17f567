package io.clearflow.delivery.execution;

/**
 * What an executor reports about a deployment. Implemented once by the delivery module, which stores each
 * report at once so that a restart loses nothing; calls may come from any thread. {@link #finished} comes
 * exactly once per {@link DeploymentExecutor#start} or {@link DeploymentExecutor#resume}; nothing follows it.
 */
public interface ExecutionListener {

    /**
     * The deployment is running; {@code reference} is what {@link DeploymentExecutor#resume} needs later
     * (the runner's working folder, a Jenkins build URL) and is shown on the deployment's page. May come more
     * than once with a newer reference (Jenkins: the queue item URL, then the build URL); store the latest.
     */
    void running(long deploymentId, String reference);

    /** The latest tail of the deployment's output (at most 64 KiB), for the page while it runs. */
    void output(long deploymentId, String tail);

    /** A transient problem (Jenkins unreachable); the executor retries and the page shows the message. */
    void problem(long deploymentId, String message);

    /** The deployment ended; {@code outputTail} is the last part of its output. */
    void finished(long deploymentId, boolean succeeded, String outputTail);
}
