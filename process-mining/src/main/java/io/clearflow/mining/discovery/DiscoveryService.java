package io.clearflow.mining.discovery;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.store.MiningProperties;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Discovers a sound process model from a log and writes it as deployable BPMN 2.0. The output is a
 * plain byte array on purpose: the governance catalog can take it as a design draft without knowing
 * anything of mining.
 */
@Service
public class DiscoveryService {

    private final MiningProperties properties;

    public DiscoveryService(MiningProperties properties) {
        this.properties = properties;
    }

    /**
     * The checks every caller (REST, pages, the draft offer) needs, as 400s: a noise threshold outside 0..1
     * and a log without cases.
     *
     * @param noise IMf threshold 0..1, or {@code null} for {@code clearflow.mining.discovery.default-noise}
     */
    public byte[] discoverBpmn(EventLog log, Double noise, String processName) {
        requireDiscoverable(log, noise);
        return discoverBpmn(log, noise == null ? properties.discovery().defaultNoise() : noise, processName,
                properties.discovery().candidateGroup());
    }

    public static void requireDiscoverable(EventLog log, Double noise) {
        if (noise != null && (noise.isNaN() || noise < 0 || noise > 1)) {
            throw new InvalidRequestException("mining.error.noise", Map.of("noise", "mining.error.noiseRange"));
        }
        if (log.caseCount() == 0) {
            throw new InvalidRequestException("mining.error.noCases");
        }
    }

    /** Without Spring (CLI): the candidate group named by the caller. */
    public static byte[] discoverBpmn(EventLog log, double noise, String processName, String candidateGroup) {
        if (log.caseCount() == 0) {
            throw new IllegalArgumentException("the log has no cases to discover a model from");
        }
        ProcessTree tree = InductiveMiner.discover(log, noise);
        String name = processName == null || processName.isBlank() ? log.name() : processName;
        return BpmnWriter.write(tree, "discovered_" + BpmnWriter.xmlName(name), "Discovered: " + name, candidateGroup);
    }
}
