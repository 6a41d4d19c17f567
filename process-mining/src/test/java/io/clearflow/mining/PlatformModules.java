package io.clearflow.mining;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.ApplicationModulesFactory;

/**
 * The platform's modules for {@code @ApplicationModuleTest}s of this Maven module (registered in
 * {@code META-INF/spring.factories}): the top-level packages below {@code io.clearflow}, as in the assembled
 * application, although the test application ({@link MiningTestApplication}) lives inside the mining package. Without
 * it Modulith would take the sub-packages of {@code io.clearflow.mining} for modules; a test application in
 * {@code io.clearflow} itself is no way out, as Spring Boot's search for it would also find the engine's.
 */
public class PlatformModules implements ApplicationModulesFactory {

    @Override
    public ApplicationModules of(Class<?> applicationMainClass) {
        return ApplicationModules.of("io.clearflow");
    }
}
