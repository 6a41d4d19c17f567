package io.clearflow.delivery.deployment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start-up, picks up what the last run left: deployments still {@code running} go back to their executor
 * through {@code resume} with the last reference it reported; {@code queued} ones (stopped between commit
 * and hand-over) are started.
 */
@Component
class DeploymentResumer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeploymentResumer.class);

    private final DeploymentRepository deployments;
    private final DeploymentDispatcher dispatcher;

    DeploymentResumer(DeploymentRepository deployments, DeploymentDispatcher dispatcher) {
        this.deployments = deployments;
        this.dispatcher = dispatcher;
    }

    @Override
    public void run(ApplicationArguments args) {
        resumeAll();
    }

    void resumeAll() {
        var running = deployments.inState(Deployment.RUNNING);
        var queued = deployments.inState(Deployment.QUEUED);
        if (!running.isEmpty() || !queued.isEmpty()) {
            log.info("Resuming {} running and starting {} queued deployments", running.size(), queued.size());
        }
        running.forEach(dispatcher::resume);
        queued.forEach(dispatcher::start);
    }
}
