package io.clearflow.delivery.project;

import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and finding projects. A project is created in stage {@code initiation} together with its case of
 * {@value #PROCESS_KEY}, whose first step (the pre-project evaluation) waits in the IT managers' inboxes.
 */
@Service
public class ProjectService {

    public static final String PROCESS_KEY = "deliveryProject";
    static final int MAX_LIST = 500;

    private final ProjectRepository projects;
    private final StageHistoryRepository stages;
    private final SystemCatalog systems;
    private final OrgDirectory directory;
    private final WorkService work;
    private final Clock clock;

    ProjectService(ProjectRepository projects, StageHistoryRepository stages, SystemCatalog systems,
                   OrgDirectory directory, WorkService work, Clock clock) {
        this.projects = projects;
        this.stages = stages;
        this.systems = systems;
        this.directory = directory;
        this.work = work;
        this.clock = clock;
    }

    /**
     * IT managers (and admins) create projects for any department; a process owner speaks for their own department
     * only. Unknown department or systems: 400 and nothing stored.
     */
    @Transactional
    public Project create(Member member, NewProject input) {
        String name = input.name().strip();
        String department = input.department().strip();
        if (directory.unit(department).filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isEmpty()) {
            throw invalid("department", "delivery.project.error.unknownDepartment");
        }
        boolean manager = member.hasRole(PlatformRole.IT_MANAGER) || member.hasRole(PlatformRole.ADMIN);
        if (!manager && !department.equals(member.department())) {
            throw new AccessDeniedException("delivery.project.error.ownDepartment");
        }
        List<String> codes = List.copyOf(new LinkedHashSet<>(input.systems().stream().map(String::strip).toList()));
        if (codes.stream().anyMatch(code -> systems.find(code).isEmpty())) {
            throw invalid("systems", "delivery.project.error.unknownSystem");
        }
        String caseId = work.newCaseId();
        var now = clock.instant();
        long id = projects.insert(name, department, ProjectStage.INITIATION, caseId, member.userId(), now);
        projects.addSystems(id, codes);
        stages.enter(id, ProjectStage.INITIATION, member.userId(), now);
        work.start(member, PROCESS_KEY, "PRJ-" + id, Map.of("projectId", id, "requestingDepartment", department), caseId);
        return project(id);
    }

    @Transactional(readOnly = true)
    public Project project(long id) {
        return projects.find(id).orElseThrow(() -> new NotFoundException("project", String.valueOf(id)));
    }

    /** Newest first, at most {@value #MAX_LIST}; blank filters are no filters, an unknown stage is refused. */
    @Transactional(readOnly = true)
    public List<Project> list(String department, String stage, String system) {
        return list(department, stage, system, MAX_LIST);
    }

    /** As {@link #list(String, String, String)} with another cap: a scoped reader's list is filtered after reading. */
    List<Project> list(String department, String stage, String system, int limit) {
        ProjectStage s = blank(stage) ? null : ProjectStage.ofCode(stage.strip())
                .orElseThrow(() -> invalid("stage", "delivery.project.error.unknownStage"));
        return projects.list(blank(department) ? null : department.strip(), s, blank(system) ? null : system.strip(),
                limit);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static InvalidRequestException invalid(String field, String key) {
        return new InvalidRequestException(key, Map.of(field, key));
    }
}
