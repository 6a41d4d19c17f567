package io.clearflow.delivery.execution.runner;

import io.clearflow.delivery.execution.DeploymentExecutor;
import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.ExecutionListener;
import io.clearflow.delivery.execution.OutputTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded runner (kind {@code embedded}): runs an environment's deployment steps as local commands, so the
 * delivery flow works with nothing installed. A fixed number of deployments run at once; the others wait in an
 * unbounded queue in arrival order, so no order is ever dropped. Each deployment gets a fresh working folder
 * under {@code clearflow.data-dir}, whose path is the reference handed to {@link ExecutionListener#running}.
 */
public class EmbeddedRunner implements DeploymentExecutor, AutoCloseable {

    public static final String KIND = "embedded";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRunner.class);

    private final RunnerProperties properties;
    private final Path dataDir;
    private final Path root;
    private final ThreadPoolExecutor pool;

    public EmbeddedRunner(RunnerProperties properties, Path dataDir) {
        this.properties = properties;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.root = this.dataDir.resolve(properties.folder()).normalize();
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "delivery-runner-" + number.incrementAndGet());
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
        pool.execute(new RunnerJob(order, listener, properties, dataDir, root));
    }

    /**
     * A local process does not survive the platform, so a deployment that was running is reported failed
     * ("interrupted by a platform restart") unless its log ends with the runner's outcome line, which is then
     * reported. Without a reference the order never began (no step ran) and is started now. Answers at once,
     * on the caller's thread.
     */
    @Override
    public void resume(DeploymentOrder order, String reference, ExecutionListener listener) {
        if (reference == null || reference.isBlank()) {
            start(order, listener);
            return;
        }
        Path folder = Path.of(reference).toAbsolutePath().normalize();
        String tail = "";
        if (folder.startsWith(root) && Files.isRegularFile(folder.resolve(RunnerJob.LOG))) {
            try {
                tail = OutputTail.ofFile(folder.resolve(RunnerJob.LOG));
            } catch (IOException e) {
                log.warn("Cannot read the log of deployment {} in {}", order.deploymentId(), folder, e);
            }
        }
        String outcome = RunnerJob.outcome(tail);
        if (outcome == null) {
            String line = RunnerJob.MARK + "failed: interrupted by a platform restart";
            listener.finished(order.deploymentId(), false, tail.isEmpty() ? line : tail + line);
        } else {
            listener.finished(order.deploymentId(), outcome.startsWith(RunnerJob.SUCCEEDED), tail);
        }
    }

    /** Deployments waiting for a free runner thread. */
    public int waiting() {
        return pool.getQueue().size();
    }

    /** Deployments running now. */
    public int active() {
        return pool.getActiveCount();
    }

    /**
     * Stops the runner: running steps are killed without an outcome line, so {@link #resume} reports them
     * interrupted after the restart; waiting orders are left to the delivery module, which still has them.
     */
    @Override
    public void close() {
        List<Runnable> waiting = pool.shutdownNow();
        if (!waiting.isEmpty()) {
            log.info("Runner stopping with {} deployment(s) still waiting; they are resumed on the next start",
                    waiting.size());
        }
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path root() {
        return root;
    }
}
