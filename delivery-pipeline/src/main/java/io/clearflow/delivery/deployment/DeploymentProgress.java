package io.clearflow.delivery.deployment;

import io.clearflow.delivery.execution.ExecutionListener;
import io.clearflow.delivery.version.Versions;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one {@link ExecutionListener}: every report is stored at once in its own transaction (calls come from
 * the executors' threads), so a restart loses nothing and the page shows progress while it runs. A report
 * about a deployment that already ended is ignored, so an executor may repeat itself safely.
 */
@Component
class DeploymentProgress implements ExecutionListener {

    private final DeploymentRepository deployments;
    private final DeploymentOutcomes outcomes;
    private final Versions versions;
    private final TransactionTemplate transaction;

    DeploymentProgress(DeploymentRepository deployments, DeploymentOutcomes outcomes, Versions versions,
                       PlatformTransactionManager transactions) {
        this.deployments = deployments;
        this.outcomes = outcomes;
        this.versions = versions;
        this.transaction = new TransactionTemplate(transactions);
        // an executor may answer inside start(), which runs in the deploying transaction's afterCommit: a
        // participating write there would never be committed
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void running(long deploymentId, String reference) {
        transaction.executeWithoutResult(status -> deployments.find(deploymentId).ifPresent(d -> {
            boolean started = Deployment.QUEUED.equals(d.state());
            if (deployments.markRunning(deploymentId, reference, Instant.now()) && started) {
                versions.record(d.versionId(), "deployment.running", d.requestedBy(),
                        d.environment() + "/" + d.target() + (reference == null ? "" : " — " + reference),
                        DeploymentService.link(deploymentId));
            }
        }));
    }

    @Override
    public void output(long deploymentId, String tail) {
        transaction.executeWithoutResult(status -> deployments.output(deploymentId, tail));
    }

    @Override
    public void problem(long deploymentId, String message) {
        transaction.executeWithoutResult(status -> deployments.problem(deploymentId, message));
    }

    @Override
    public void finished(long deploymentId, boolean succeeded, String outputTail) {
        transaction.executeWithoutResult(status -> {
            Instant now = Instant.now();
            // a failure's reason is its output's last line when the executor gives no other
            String problem = succeeded ? null : lastLine(outputTail);
            if (deployments.finish(deploymentId, succeeded, outputTail, problem, now)) {
                outcomes.finished(deployments.find(deploymentId).orElseThrow(), now);
            }
        });
    }

    private static String lastLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }
}
