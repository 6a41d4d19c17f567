package io.clearflow.bots;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.ApplicationModulesFactory;

/**
 * The platform's modules for {@code @ApplicationModuleTest}s of this Maven module (registered in
 * {@code META-INF/spring.factories}): the top-level packages below {@code io.clearflow}, as in the assembled
 * application, although the test application ({@link BotsTestApplication}) lives inside the bots package. Without
 * it Modulith would take the sub-packages of {@code io.clearflow.bots} for modules.
 */
public class PlatformModules implements ApplicationModulesFactory {

    @Override
    public ApplicationModules of(Class<?> applicationMainClass) {
        return ApplicationModules.of("io.clearflow");
    }
}
