package io.clearflow.delivery.execution.jenkins;

import io.clearflow.delivery.execution.DeploymentExecutor;
import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.ExecutionListener;
import io.clearflow.delivery.execution.NotifiedExecution;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployments by Jenkins (kind {@code jenkins}): the environment's {@code job} setting names a parameterised job
 * (folders separated by {@code /}), triggered with the artifact's URL and SHA-256, the environment and the change.
 * Runs advance on a small scheduler, one Jenkins call per tick, so waiting builds hold no thread. A build can also
 * report back through {@link #notified}, which completes it through the same path as polling.
 */
public class JenkinsExecutor implements DeploymentExecutor, AutoCloseable {

    public static final String KIND = "jenkins";

    /** Build results after which a build does not change any more. */
    static final Set<String> FINAL_RESULTS = Set.of("SUCCESS", "UNSTABLE", "FAILURE", "ABORTED", "NOT_BUILT");

    private static final Pattern BUILD_URL = Pattern.compile("/(\\d+)/?$");
    private static final Logger log = LoggerFactory.getLogger(JenkinsExecutor.class);

    private final JenkinsProperties properties;
    private final JenkinsClient client;
    private final TestReports reports;
    /** What {@link NotifiedExecution#source()} says while acting on a build notification. */
    public static final String NOTIFICATION_SOURCE = "jenkins";

    private final ScheduledExecutorService scheduler;
    private final Map<Long, JenkinsRun> runs = new ConcurrentHashMap<>();

    /**
     * @param client   null when Jenkins is not configured: every order then fails at once, saying so
     * @param evidence where test reports go; null = they are not recorded
     */
    public JenkinsExecutor(JenkinsProperties properties, JenkinsClient client,
                           io.clearflow.testmetrics.api.TestEvidence evidence) {
        this.properties = properties;
        this.client = client;
        this.reports = new TestReports(evidence);
        AtomicInteger number = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "delivery-jenkins-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void start(DeploymentOrder order, ExecutionListener listener) {
        JenkinsRun run = run(order, listener);
        if (run != null) {
            begin(run);
        }
    }

    /**
     * Continues from the last reference: a queue item URL (still queued: its build is looked for, in the job's
     * latest builds if Jenkins forgot the item) or a build URL (followed to its end). Without a reference the
     * build was never triggered and is triggered now.
     */
    @Override
    public void resume(DeploymentOrder order, String reference, ExecutionListener listener) {
        JenkinsRun run = run(order, listener);
        if (run == null) {
            return;
        }
        if (reference == null || reference.isBlank()) {
            begin(run);
            return;
        }
        Optional<Long> queueId = JenkinsClient.queueId(reference);
        Matcher build = BUILD_URL.matcher(reference.strip());
        if (queueId.isPresent()) {
            begin(run.queued(queueId.get()));
        } else if (build.find()) {
            begin(run.building(Integer.parseInt(build.group(1))));
        } else {
            listener.finished(order.deploymentId(), false, "[jenkins] cannot resume from the reference " + reference);
        }
    }

    /**
     * A signed build notification: the run of this job and build number ends with {@code status} when that is
     * a final result, or is polled at once otherwise. Returns the deployment id, empty when no running
     * deployment has this build.
     */
    public Optional<Long> notified(String job, int build, String status) {
        String normalised = job == null ? "" : job.strip();
        for (JenkinsRun run : runs.values()) {
            Integer number = run.buildNumber();
            if (!run.done() && number != null && number == build && run.job().equals(normalised)) {
                String result = status == null ? "" : status.strip().toUpperCase();
                if (FINAL_RESULTS.contains(result)) {
                    // the outcome is recorded as coming from Jenkins' notification, not from polling
                    scheduler.execute(() -> NotifiedExecution.run(NOTIFICATION_SOURCE, () -> {
                        run.complete(result);
                        runs.remove(run.deploymentId(), run);
                    }));
                } else {
                    scheduler.execute(() -> NotifiedExecution.run(NOTIFICATION_SOURCE, () -> tick(run)));
                }
                return Optional.of(run.deploymentId());
            }
        }
        return Optional.empty();
    }

    /** Deployments followed now. */
    public int active() {
        return runs.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private JenkinsRun run(DeploymentOrder order, ExecutionListener listener) {
        String job = order.settings().get("job");
        String refusal = null;
        if (client == null) {
            refusal = "Jenkins is not configured (clearflow.delivery.jenkins.base-url)";
        } else if (job == null || job.isBlank()) {
            refusal = "the environment names no Jenkins job (setting job)";
        } else {
            try {
                JenkinsClient.jobPath(job);
            } catch (IllegalArgumentException e) {
                refusal = e.getMessage();
            }
        }
        if (refusal != null) {
            listener.finished(order.deploymentId(), false, "[jenkins] " + refusal);
            return null;
        }
        return new JenkinsRun(order, listener, client, properties, reports);
    }

    private void begin(JenkinsRun run) {
        JenkinsRun existing = runs.putIfAbsent(run.deploymentId(), run);
        if (existing != null && !existing.done()) {
            // one deployment, one Jenkins build: a second order while the first is followed would trigger twice
            log.warn("Deployment {} is already followed on Jenkins; the second order is ignored", run.deploymentId());
            return;
        }
        if (existing != null) {
            runs.put(run.deploymentId(), run);
        }
        scheduler.execute(() -> tick(run));
    }

    private void tick(JenkinsRun run) {
        Duration next;
        try {
            next = run.step();
        } catch (JenkinsException e) {
            if (e.isTransient()) {
                log.debug("Deployment {}: {}", run.deploymentId(), e.getMessage());
                next = run.failed(e.getMessage());
            } else {
                run.finish(false, "[jenkins] " + e.getMessage());
                next = null;
            }
        } catch (RuntimeException e) {
            log.error("Deployment {}: unexpected failure following Jenkins", run.deploymentId(), e);
            next = run.failed("unexpected failure: " + e);
        }
        if (next == null || run.done()) {
            runs.remove(run.deploymentId(), run);
        } else if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> tick(run), Math.max(0, next.toMillis()), TimeUnit.MILLISECONDS);
        }
    }
}
