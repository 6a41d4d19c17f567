package io.clearflow.delivery;

import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery settings ({@code clearflow.delivery.*}).
 *
 * @param artifactStore    folder of the filesystem artifact store; relative to the data folder, default
 *                         {@code artifacts}
 * @param stages           promotion stages in order; the first is where an upload starts
 * @param requiredStage    environment → the stage an artifact must have reached to be deployed there
 * @param maxUploadSize    largest artifact (upload or registered by URL); 413 beyond it
 * @param publicBaseUrl    how outside systems (Jenkins) reach this platform, for artifact download links
 * @param fetchTimeout     read timeout when fetching an artifact registered by URL
 * @param demoSystems      seed the demo systems (ctrade, clearing, registry, clearflow) when there are none
 */
@Validated
@ConfigurationProperties("clearflow.delivery")
public record DeliveryProperties(Path artifactStore, @Size(min = 2) List<String> stages,
                                 Map<String, String> requiredStage, DataSize maxUploadSize, URI publicBaseUrl,
                                 Duration fetchTimeout, Boolean demoSystems) {

    public static final String PRODUCTION = "production";
    public static final String TEST_STAGE = "test";

    public DeliveryProperties {
        artifactStore = artifactStore == null ? Path.of("artifacts") : artifactStore;
        stages = stages == null || stages.isEmpty() ? List.of("built", "test", "staging", "production") : List.copyOf(stages);
        if (requiredStage == null || requiredStage.isEmpty()) {
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("dev", "built");
            defaults.put("test", "test");
            defaults.put("staging", "staging");
            defaults.put(PRODUCTION, "production");
            requiredStage = defaults;
        }
        requiredStage = Map.copyOf(requiredStage);
        maxUploadSize = maxUploadSize == null ? DataSize.ofGigabytes(2) : maxUploadSize;
        publicBaseUrl = publicBaseUrl == null ? URI.create("http://localhost:8080") : publicBaseUrl;
        fetchTimeout = fetchTimeout == null ? Duration.ofMinutes(10) : fetchTimeout;
        demoSystems = demoSystems == null || demoSystems;
    }

    /** Position of a stage, -1 when it is not configured. */
    public int stageIndex(String stage) {
        return stages.indexOf(stage);
    }

    /** The stage an artifact must have reached for the environment; the first stage when not configured. */
    public String requiredStageOf(String environment) {
        return requiredStage.getOrDefault(environment, stages.get(0));
    }
}
