package io.clearflow.delivery.system;

import io.clearflow.delivery.UnprocessableException;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The systems and their environments, as the other delivery features and the pages read them. */
@Service
public class SystemCatalog {

    private final SystemRepository systems;
    private final EnvironmentRepository environments;
    private final OrgDirectory directory;

    SystemCatalog(SystemRepository systems, EnvironmentRepository environments, OrgDirectory directory) {
        this.systems = systems;
        this.environments = environments;
        this.directory = directory;
    }

    public Optional<AppSystem> find(String code) {
        return code == null ? Optional.empty() : systems.find(code);
    }

    public List<AppSystem> systems() {
        return systems.all();
    }

    public List<Environment> environments(String system) {
        return environments.ofSystem(system);
    }

    /**
     * The environment row a deployment goes to: {@code production/ctrade-sh}, or {@code production} when the
     * environment has one target. An unknown name, or a bare name of an environment with several targets,
     * is refused (422) naming the choices.
     */
    @Transactional(readOnly = true)
    public Environment resolve(String system, String environment) {
        List<Environment> all = environments.ofSystem(system);
        if (environment != null) {
            List<Environment> matches = all.stream()
                    .filter(e -> e.qualifiedName().equals(environment) || e.environment().equals(environment)).toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw new UnprocessableException("delivery.error.targetNeeded", Map.of("environment",
                        "delivery.error.targetNeeded"));
            }
        }
        throw new UnprocessableException("delivery.error.unknownEnvironment", Map.of("environment",
                "delivery.error.unknownEnvironment"));
    }

    /** Systems with their environments, the owner department by name: {@code GET /api/delivery/systems}. */
    @Transactional(readOnly = true)
    public List<SystemView> overview() {
        Map<String, String> units = directory.unitNames();
        Map<String, List<Environment>> bySystem = new LinkedHashMap<>();
        environments.all().forEach(e -> bySystem.computeIfAbsent(e.systemCode(), k -> new java.util.ArrayList<>()).add(e));
        return systems.all().stream().map(s -> new SystemView(s.code(), s.name(), s.ownerDepartment(),
                units.getOrDefault(s.ownerDepartment(), s.ownerDepartment()), s.critical(),
                bySystem.getOrDefault(s.code(), List.of()).stream()
                        .map(e -> new SystemView.EnvironmentView(e.environment(), e.target(), e.executor())).toList()))
                .toList();
    }

    public record SystemView(String code, String name, String ownerDepartment, String ownerDepartmentName,
                             boolean critical, List<EnvironmentView> environments) {

        public record EnvironmentView(String environment, String target, String executor) {
        }
    }
}
