package io.clearflow.engine;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.ApplicationModulesFactory;

/**
 * The platform's modules for {@code @ApplicationModuleTest}s (registered in {@code META-INF/spring.factories}): the
 * top-level packages below {@code io.clearflow}, as in the assembled application, although the test application
 * ({@link EngineTestApplication}) lives inside the engine package; without it Modulith would take the engine's
 * sub-packages for modules. A test application in {@code io.clearflow} itself is no way out: Spring Boot's search
 * from there would also find the other modules' test applications. The engine's test-jar carries this factory to
 * the other modules' tests, where it answers the same as theirs.
 */
public class PlatformModules implements ApplicationModulesFactory {

    @Override
    public ApplicationModules of(Class<?> applicationMainClass) {
        return ApplicationModules.of("io.clearflow");
    }
}
