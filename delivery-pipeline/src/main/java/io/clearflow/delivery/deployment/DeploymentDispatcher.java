package io.clearflow.delivery.deployment;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.artifact.ArtifactStore;
import io.clearflow.delivery.execution.DeploymentExecutor;
import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.ExecutionListener;
import io.clearflow.delivery.system.Environment;
import io.clearflow.delivery.system.SystemCatalog;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Hands a stored deployment to its environment's executor (by kind), as an order naming the artifact's
 * digest, its verified file in the store and its download URL. An order that cannot be handed over (no
 * executor of that kind, the executor throws) ends the deployment as failed with the reason.
 */
@Component
class DeploymentDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeploymentDispatcher.class);

    private final Map<String, DeploymentExecutor> executors;
    private final SystemCatalog systems;
    private final ArtifactStore store;
    private final DeliveryProperties properties;
    private final ExecutionListener listener;

    DeploymentDispatcher(List<DeploymentExecutor> executors, SystemCatalog systems, ArtifactStore store,
                         DeliveryProperties properties, @Lazy ExecutionListener listener) {
        this.executors = executors.stream().collect(Collectors.toMap(DeploymentExecutor::kind, Function.identity(),
                (a, b) -> a));
        this.systems = systems;
        this.store = store;
        this.properties = properties;
        this.listener = listener;
    }

    boolean knows(String kind) {
        return executors.containsKey(kind);
    }

    void start(Deployment deployment) {
        hand(deployment, null);
    }

    void resume(Deployment deployment) {
        hand(deployment, deployment.reference());
    }

    private void hand(Deployment deployment, String reference) {
        DeploymentExecutor executor = executors.get(deployment.executor());
        if (executor == null) {
            listener.finished(deployment.id(), false, "no deployment executor of kind '" + deployment.executor() + "'");
            return;
        }
        try {
            DeploymentOrder order = order(deployment);
            if (reference == null) {
                executor.start(order, listener);
            } else {
                executor.resume(order, reference, listener);
            }
        } catch (RuntimeException e) {
            log.warn("Deployment {} could not be handed to the {} executor", deployment.id(), deployment.executor(), e);
            listener.finished(deployment.id(), false, "could not start: " + e.getMessage());
        }
    }

    private DeploymentOrder order(Deployment d) {
        Environment environment = systems.environments(d.system()).stream()
                .filter(e -> e.environment().equals(d.environment()) && e.target().equals(d.target())).findFirst()
                .orElseThrow(() -> new IllegalStateException("environment " + d.environment() + "/" + d.target() + " is gone"));
        Map<String, String> settings = new HashMap<>(environment.settings());
        settings.putIfAbsent("target", "delivery/deployed/" + d.system() + "/" + d.environment() + "/" + d.target());
        URI url = properties.publicBaseUrl().resolve("/api/delivery/artifacts/" + d.artifactId() + "/content");
        return new DeploymentOrder(d.id(), d.system(), d.environment(), d.changeId() == null ? null : String.valueOf(d.changeId()),
                d.artifactName(), d.artifactSha256(), store.localFile(d.artifactSha256()).orElse(null), url, settings,
                d.version());
    }
}
