package io.clearflow.architecture;

import io.clearflow.architecture.MavenModules.Dependency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module graph of docs/architecture.md: the only Maven dependencies between our modules.
 * Changing the architecture means changing this table and the document together.
 */
final class AllowedModuleGraph {

    static final String ENGINE = "bpm-engine";

    static final Map<String, Set<String>> ALLOWED = Map.of(
            ENGINE, Set.of(),
            "demand-portal", Set.of(ENGINE),
            "delivery-pipeline", Set.of(ENGINE, "demand-portal", "test-metrics"),
            "process-mining", Set.of(ENGINE),
            "test-metrics", Set.of(ENGINE),
            "regtech-feed", Set.of(ENGINE, "demand-portal"),
            // bots reach the engine over its external-worker HTTP API, never through Java
            "rpa-ocr-bots", Set.of(),
            "deploy", Set.of(ENGINE, "demand-portal", "delivery-pipeline", "rpa-ocr-bots", "process-mining",
                    "test-metrics", "regtech-feed"));

    private AllowedModuleGraph() {
    }

    /** Every way the modules break the graph, one readable line each; empty when they keep it. */
    static List<String> violations(Map<String, List<Dependency>> modules) {
        List<String> violations = new ArrayList<>();
        ALLOWED.keySet().stream().filter(m -> !modules.containsKey(m)).sorted()
                .forEach(m -> violations.add("module " + m + " of the architecture is not in the root pom"));
        modules.forEach((module, dependencies) -> {
            Set<String> allowed = ALLOWED.get(module);
            if (allowed == null) {
                violations.add("module " + module + " is not in the architecture's module graph: add it to"
                        + " docs/architecture.md and AllowedModuleGraph first");
                return;
            }
            for (Dependency dependency : dependencies) {
                String problem = problem(allowed, dependency);
                if (problem != null) {
                    violations.add(module + " -> " + dependency + ": " + problem);
                }
            }
        });
        return violations;
    }

    private static String problem(Set<String> allowed, Dependency dependency) {
        if (!allowed.contains(dependency.artifactId())) {
            return "forbidden, allowed are " + (allowed.isEmpty() ? "none of ours" : allowed.stream().sorted().toList());
        }
        if (dependency.testJar() && !(dependency.artifactId().equals(ENGINE) && dependency.scope().equals("test"))) {
            // test support is shared only from the engine, and never into production code
            return "only bpm-engine's test-jar may be used, and only in test scope";
        }
        return null;
    }
}
