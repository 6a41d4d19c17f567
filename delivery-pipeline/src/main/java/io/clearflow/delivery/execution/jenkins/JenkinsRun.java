package io.clearflow.delivery.execution.jenkins;

import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.ExecutionListener;
import io.clearflow.delivery.execution.OutputTail;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployment on Jenkins, as a small state machine advanced one call at a time by {@link JenkinsExecutor}:
 * trigger → queued (until the queue item names its build) → building (until the build has a result). Each state
 * change that resume needs is reported at once through {@link ExecutionListener#running}: the queue item URL, then
 * the build URL. Transient failures count against {@code give-up-after}; the outcome is reported exactly once,
 * whether polling or a build notification gets there first.
 */
final class JenkinsRun {

    enum State { TRIGGER, QUEUED, BUILDING }

    private static final Logger log = LoggerFactory.getLogger(JenkinsRun.class);
    private static final int MAX_LOG_READS_AT_END = 20;

    private final DeploymentOrder order;
    private final ExecutionListener listener;
    private final JenkinsClient client;
    private final JenkinsProperties properties;
    private final TestReports reports;
    private final String job;
    private final OutputTail tail = new OutputTail();
    private final AtomicBoolean done = new AtomicBoolean();
    private State state;
    private long queueId;
    private volatile Integer buildNumber;
    private long logOffset;
    private String lastWhy;
    private long failingSince;
    private int failures;

    JenkinsRun(DeploymentOrder order, ExecutionListener listener, JenkinsClient client, JenkinsProperties properties,
               TestReports reports) {
        this.order = order;
        this.listener = listener;
        this.client = client;
        this.properties = properties;
        this.reports = reports;
        this.job = order.settings().get("job").strip();
        this.state = State.TRIGGER;
    }

    /** Continue a run whose queue item is known. */
    JenkinsRun queued(long queueId) {
        this.state = State.QUEUED;
        this.queueId = queueId;
        return this;
    }

    /** Continue a run whose build is known. */
    JenkinsRun building(int number) {
        this.state = State.BUILDING;
        this.buildNumber = number;
        return this;
    }

    long deploymentId() {
        return order.deploymentId();
    }

    String job() {
        return job;
    }

    Integer buildNumber() {
        return buildNumber;
    }

    boolean done() {
        return done.get();
    }

    /** One call to Jenkins; returns when to call again, or null when the run has ended. */
    synchronized Duration step() {
        if (done.get()) {
            return null;
        }
        return switch (state) {
            case TRIGGER -> trigger();
            case QUEUED -> followQueue();
            case BUILDING -> followBuild();
        };
    }

    private Duration trigger() {
        JenkinsProperties.Parameters names = properties.parameters();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(names.artifactUrl(), order.artifactUrl() == null ? "" : order.artifactUrl().toString());
        parameters.put(names.artifactSha256(), order.artifactSha256());
        parameters.put(names.environment(), order.environment());
        parameters.put(names.changeId(), order.changeKey() == null ? "" : order.changeKey());
        queueId = client.trigger(job, parameters);
        recovered();
        state = State.QUEUED;
        report(() -> listener.running(order.deploymentId(), client.queueItemUrl(queueId)));
        append("[jenkins] triggered " + job + ", queue item " + queueId);
        return properties.pollInterval();
    }

    private Duration followQueue() {
        Optional<JenkinsClient.QueueItem> item = client.queueItem(queueId);
        if (item.isPresent()) {
            recovered();
            JenkinsClient.QueueItem queued = item.get();
            if (queued.cancelled()) {
                finish(false, "[jenkins] queue item " + queueId + " of " + job + " was cancelled in Jenkins");
                return null;
            }
            if (queued.buildNumber() != null) {
                started(queued.buildNumber());
                return Duration.ZERO;
            }
            if (queued.why() != null && !queued.why().equals(lastWhy)) {
                lastWhy = queued.why();
                append("[jenkins] waiting in the queue: " + queued.why());
                report(() -> listener.output(order.deploymentId(), tail.text()));
            }
            return properties.pollInterval();
        }
        // Jenkins forgets queue items about 5 minutes after they leave the queue, and on restart
        Optional<JenkinsClient.Build> build = client.buildOfQueueItem(job, queueId);
        if (build.isEmpty()) {
            throw JenkinsException.unavailable("queue item " + queueId + " is gone from Jenkins and none of the latest 50"
                    + " builds of " + job + " came from it", null);
        }
        recovered();
        started(build.get().number());
        return Duration.ZERO;
    }

    private void started(int number) {
        buildNumber = number;
        state = State.BUILDING;
        String url = client.buildUrl(job, number);
        report(() -> listener.running(order.deploymentId(), url));
        append("[jenkins] build #" + number + ": " + url);
    }

    private Duration followBuild() {
        JenkinsClient.LogChunk chunk = client.log(job, buildNumber, logOffset);
        logOffset = chunk.next();
        if (!chunk.text().isEmpty()) {
            tail.append(chunk.text());
            report(() -> listener.output(order.deploymentId(), tail.text()));
        }
        JenkinsClient.Build build = client.build(job, buildNumber);
        recovered();
        if (build.done()) {
            complete(build.result());
            return null;
        }
        return properties.pollInterval();
    }

    /**
     * The build ended with {@code result}: reads the rest of its log and its test report (both best effort:
     * the outcome is known already) and reports the outcome, unless it was reported before. Only
     * {@code SUCCESS} counts as a successful deployment.
     */
    synchronized void complete(String result) {
        if (done.get()) {
            return;
        }
        try {
            for (int i = 0; i < MAX_LOG_READS_AT_END; i++) {
                JenkinsClient.LogChunk chunk = client.log(job, buildNumber, logOffset);
                logOffset = chunk.next();
                tail.append(chunk.text());
                if (!chunk.more() || chunk.text().isEmpty()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            append("[jenkins] the end of the console log could not be read: " + e.getMessage());
        }
        try {
            Optional<List<JenkinsClient.TestCase>> cases = client.testReport(job, buildNumber);
            if (cases.isPresent()) {
                long report = reports.store(order, job, buildNumber, cases.get());
                append("[jenkins] test report: " + cases.get().size() + " case(s)"
                        + (report >= 0 ? ", recorded in test-metrics for " + order.system() + " " + order.version() : ""));
            }
        } catch (RuntimeException e) {
            log.warn("Deployment {}: test report of {} #{} not recorded", order.deploymentId(), job, buildNumber, e);
            report(() -> listener.problem(order.deploymentId(), "test report of " + job + " #" + buildNumber
                    + " not recorded: " + e.getMessage()));
        }
        finish("SUCCESS".equals(result), "[jenkins] build #" + buildNumber + " of " + job + " finished: " + result);
    }

    /**
     * A call failed but may work later: reports the problem and answers when to try again, growing the wait
     * up to {@code max-backoff}; after {@code give-up-after} of failures the deployment is reported failed.
     */
    synchronized Duration failed(String message) {
        if (done.get()) {
            return null;
        }
        long now = System.nanoTime();
        if (failures++ == 0) {
            failingSince = now;
        }
        report(() -> listener.problem(order.deploymentId(), message));
        Duration failing = Duration.ofNanos(now - failingSince);
        if (failing.compareTo(properties.giveUpAfter()) >= 0) {
            finish(false, "[jenkins] gave up after " + properties.giveUpAfter() + " of failed calls: " + message);
            return null;
        }
        Duration wait = properties.backoff().multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(properties.maxBackoff()) > 0) {
            wait = properties.maxBackoff();
        }
        Duration left = properties.giveUpAfter().minus(failing);
        return wait.compareTo(left) > 0 ? left : wait;
    }

    /** Reports the outcome once; later calls (a notification after polling saw the end) do nothing. */
    synchronized void finish(boolean succeeded, String line) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        append(line);
        String text = tail.text();
        report(() -> listener.finished(order.deploymentId(), succeeded, text));
    }

    private void recovered() {
        failures = 0;
    }

    private void append(String line) {
        tail.append(line + "\n");
    }

    private void report(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("Deployment {}: the execution listener failed", order.deploymentId(), e);
        }
    }
}
