package io.clearflow.delivery.execution.runner;

import io.clearflow.delivery.execution.DeploymentOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * What an order's environment settings tell the runner: the steps, the time limits, the target folder (inside the
 * data folder unless absolute) and the values a step's placeholders and {@code CF_*} variables take.
 */
final class RunnerSettings {

    private final DeploymentOrder order;
    private final Path dataDir;

    RunnerSettings(DeploymentOrder order, Path dataDir) {
        this.order = order;
        this.dataDir = dataDir;
    }

    Steps steps() throws StepFailed {
        try {
            return Steps.parse(order.settings().getOrDefault("steps", DefaultSteps.TEXT));
        } catch (IllegalArgumentException e) {
            throw new StepFailed(e.getMessage());
        }
    }

    Path target() throws StepFailed {
        String setting = order.settings().get("target");
        String folderName = setting == null || setting.isBlank()
                ? "delivery/deployed/" + order.system() + "/" + order.environment() : setting.strip();
        Path target = dataDir.resolve(folderName).normalize();
        if (!Path.of(folderName).isAbsolute() && !target.startsWith(dataDir)) {
            throw new StepFailed("the target folder " + folderName + " leaves the data folder");
        }
        return target;
    }

    Map<String, String> values(Path target) {
        Map<String, String> values = new HashMap<>();
        values.put("artifact", order.artifactFile().toAbsolutePath().toString());
        values.put("sha256", order.artifactSha256());
        values.put("name", order.artifactName());
        values.put("environment", nullToEmpty(order.environment()));
        values.put("system", nullToEmpty(order.system()));
        values.put("change", nullToEmpty(order.changeKey()));
        values.put("version", nullToEmpty(order.version()));
        values.put("target", target.toString());
        values.put("deployment", String.valueOf(order.deploymentId()));
        return values;
    }

    Duration duration(String setting, Duration fallback) throws StepFailed {
        String value = order.settings().get(setting);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value.strip());
            if (duration.isNegative() || duration.isZero()) {
                throw new StepFailed(setting + " must be positive: " + value);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new StepFailed(setting + " is not an ISO-8601 duration such as PT10M: " + value);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
