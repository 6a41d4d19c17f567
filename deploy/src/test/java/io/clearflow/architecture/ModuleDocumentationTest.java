package io.clearflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module documentation with Spring Modulith's {@link Documenter} to {@code deploy/target/spring-modulith-docs}
 * (linked from the README): the component diagram of all modules, one diagram and one canvas per module (its API,
 * the beans, the events it publishes and hears), and one document aggregating them. Generated from the production
 * code on every run, so it cannot drift from it.
 */
class ModuleDocumentationTest {

    /** Maven runs the tests in deploy/. */
    static final Path OUTPUT = Path.of("target", "spring-modulith-docs");

    @Test
    void writesTheDiagramsAndCanvasesOfEveryModule() throws IOException {
        ApplicationModules modules = ApplicationModules.of(ClearFlowApplication.class, ModuleGraphTest.MAIN_CODE);

        // the bots talk to the engine over HTTP only: without this option the diagram would leave them out
        var diagrams = Documenter.DiagramOptions.defaults()
                .withElementsWithoutRelationships(Documenter.DiagramOptions.ElementsWithoutRelationships.VISIBLE);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeDocumentation(diagrams, Documenter.CanvasOptions.defaults());

        String components = Files.readString(OUTPUT.resolve("components.puml"));
        for (ApplicationModule module : modules) {
            String name = module.getIdentifier().toString();
            assertThat(components).as("the component diagram shows %s", name).contains(module.getDisplayName());
            assertThat(OUTPUT.resolve("module-" + name + ".puml")).as("diagram of %s", name).isNotEmptyFile();
            assertThat(OUTPUT.resolve("module-" + name + ".adoc")).as("canvas of %s", name).isNotEmptyFile();
        }
        // the demand module depends on the engine's API: an arrow the diagram must show
        assertThat(Files.readString(OUTPUT.resolve("module-demand.puml"))).contains(
                modules.getModuleByName("engine").orElseThrow().getDisplayName());
        assertThat(OUTPUT.resolve("all-docs.adoc")).isNotEmptyFile();
    }
}
