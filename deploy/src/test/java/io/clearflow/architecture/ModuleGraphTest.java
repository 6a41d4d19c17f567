package io.clearflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import io.clearflow.ClearFlowApplication;
import io.clearflow.engine.work.WorkService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the module graph of docs/architecture.md true at two levels: the Maven dependencies
 * (what may compile against what) and the Java code (Spring Modulith: no cycles, no use of
 * another module's internal packages).
 */
class ModuleGraphTest {

    /**
     * Production classes only. Modulith leaves out test-classes folders by itself, but not the
     * engine's test-jar on deploy's test classpath, whose classes would count as engine code.
     */
    static final ImportOption MAIN_CODE = location -> !location.contains("/test-classes/")
            && !location.matches(Pattern.compile(".*-tests\\.jar.*"));

    /** Maven runs the tests in deploy/, so the repository root is its parent. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void mavenDependenciesFollowTheArchitecture() {
        Map<String, List<MavenModules.Dependency>> modules = MavenModules.read(ROOT);
        assertThat(modules).as("modules listed in %s", ROOT.resolve("pom.xml"))
                .containsOnlyKeys(AllowedModuleGraph.ALLOWED.keySet());
        assertThat(modules.get("deploy")).as("deploy assembles the platform").isNotEmpty();

        List<String> violations = AllowedModuleGraph.violations(modules);
        assertThat(violations).as("dependencies outside the module graph:\n  %s", String.join("\n  ", violations))
                .isEmpty();
    }

    @Test
    void aForbiddenDependencyFailsWithItsName(@TempDir Path root) throws IOException {
        pom(root, null, """
                <modules><module>bpm-engine</module><module>rpa-ocr-bots</module><module>demand-portal</module></modules>""");
        pom(root, "bpm-engine", "");
        pom(root, "rpa-ocr-bots", """
                <dependencies>
                  <dependency><groupId>io.clearflow</groupId><artifactId>bpm-engine</artifactId></dependency>
                </dependencies>""");
        pom(root, "demand-portal", """
                <dependencies>
                  <dependency><groupId>io.clearflow</groupId><artifactId>bpm-engine</artifactId></dependency>
                  <dependency><groupId>io.clearflow</groupId><artifactId>bpm-engine</artifactId><type>test-jar</type></dependency>
                </dependencies>
                <profiles><profile><dependencies>
                  <dependency><groupId>${project.groupId}</groupId><artifactId>delivery-pipeline</artifactId><scope>test</scope></dependency>
                </dependencies></profile></profiles>""");

        List<String> violations = AllowedModuleGraph.violations(MavenModules.read(root));

        assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("rpa-ocr-bots -> bpm-engine: forbidden"))
                .anySatisfy(v -> assertThat(v).startsWith("demand-portal -> bpm-engine (test-jar): only"))
                .anySatisfy(v -> assertThat(v).startsWith("demand-portal -> delivery-pipeline [test]: forbidden"))
                .anySatisfy(v -> assertThat(v).contains("module deploy of the architecture is not in the root pom"))
                .noneSatisfy(v -> assertThat(v).startsWith("demand-portal -> bpm-engine: "));
    }

    @Test
    void javaModulesRespectEachOthersInternals() {
        ApplicationModules modules = ApplicationModules.of(ClearFlowApplication.class, MAIN_CODE);

        // each Maven module is one top-level package; a wrong base package would verify nothing
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("io.clearflow.engine", "io.clearflow.demand", "io.clearflow.delivery",
                        "io.clearflow.bots", "io.clearflow.mining", "io.clearflow.testmetrics", "io.clearflow.regtech");
        assertThat(modules.getModuleByName("engine").orElseThrow().contains(WorkService.class))
                .as("the engine's production classes are analysed").isTrue();
        modules.verify();
    }

    private static void pom(Path root, String module, String body) throws IOException {
        Path dir = module == null ? root : Files.createDirectories(root.resolve(module));
        String artifactId = module == null ? "clearflow-parent" : module;
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.clearflow</groupId>
                  <artifactId>%s</artifactId>
                  %s
                </project>
                """.formatted(artifactId, body));
    }
}
