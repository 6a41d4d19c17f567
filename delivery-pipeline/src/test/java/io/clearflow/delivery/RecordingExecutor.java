package io.clearflow.delivery;

import io.clearflow.delivery.execution.DeploymentExecutor;
import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.ExecutionListener;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * A test executor of kind {@code recording} (the test system {@code recsys} uses it, see {@link TestSystems}):
 * keeps every order and resume it gets so tests can check what the delivery module hands over; on its own
 * thread it reports running, checks the order's file against the order's digest, and fails when the digest
 * differs or the artifact is named {@code broken…}.
 */
@Component
public class RecordingExecutor implements DeploymentExecutor {

    public final List<DeploymentOrder> started = new CopyOnWriteArrayList<>();
    public final List<String> resumed = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
        return "recording";
    }

    @Override
    public void start(DeploymentOrder order, ExecutionListener listener) {
        started.add(order);
        daemon(() -> run(order, listener));
    }

    @Override
    public void resume(DeploymentOrder order, String reference, ExecutionListener listener) {
        resumed.add(reference);
        daemon(() -> run(order, listener));
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "recording-executor");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(DeploymentOrder order, ExecutionListener listener) {
        listener.running(order.deploymentId(), "work/" + order.deploymentId());
        listener.output(order.deploymentId(), "deploying " + order.artifactName() + "\n");
        try (InputStream in = Files.newInputStream(order.artifactFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            boolean matches = HexFormat.of().formatHex(digest.digest()).equals(order.artifactSha256());
            boolean ok = matches && !order.artifactName().startsWith("broken");
            listener.finished(order.deploymentId(), ok, "deploying " + order.artifactName() + "\n"
                    + (ok ? "OK" : "exit code 1: health check failed"));
        } catch (Exception e) {
            listener.finished(order.deploymentId(), false, e.toString());
        }
    }
}
