package io.clearflow.regtech.assess;

import io.clearflow.demand.api.DemandIntake;
import io.clearflow.demand.api.DemandRef;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.governance.GovernanceCatalog;
import io.clearflow.engine.governance.NewScenario;
import io.clearflow.engine.governance.ScenarioSummary;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import io.clearflow.regtech.item.Item;
import io.clearflow.regtech.item.ItemRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The impact assessment of a regulatory item on the engine. Each step checks the member (403) and
 * the assessment's state (409), writes the business record and completes the process step through
 * {@link WorkService} in one transaction, so inboxes and the event log follow.
 */
@Service
public class AssessmentService {

    public static final String PROCESS_KEY = "regtechAssessment";
    static final Set<String> RISKS = Set.of("low", "medium", "high");

    /** An assessment with its impacts, its demand's state and what the reader may do now. */
    public record View(Assessment assessment, List<Impact> impacts, Optional<DemandRef> demand,
                       Optional<ScenarioSummary> scenario, boolean mayAssess, boolean mayDecide, boolean overdue) { }

    /** What opening a governance scenario needs beyond the reason: a name (optional), the owner department and category. */
    public record ScenarioChoice(String name, String ownerDepartment, String businessCategory) { }

    private final AssessmentRepository assessments;
    private final ItemRepository items;
    private final WorkService work;
    private final TaskService tasks;
    private final DemandIntake demands;
    private final GovernanceCatalog catalog;
    private final Clock clock;
    private final ZoneId zone = ZoneId.of("Asia/Shanghai");

    public AssessmentService(AssessmentRepository assessments, ItemRepository items, WorkService work, TaskService tasks,
                             DemandIntake demands, GovernanceCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.assessments = assessments;
        this.items = items;
        this.work = work;
        this.tasks = tasks;
        this.demands = demands;
        this.clock = clock;
    }

    static void checkCompliance(Member m) {
        if (!m.hasRole(PlatformRole.COMPLIANCE)) {
            throw new AccessDeniedException("only compliance triages and decides regulatory items");
        }
    }

    private static String reason(String reason, String field) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("a reason is required", Map.of(field, "regtech.error.reason"));
        }
        if (reason.length() > 2000) {
            throw new InvalidRequestException("reason too long", Map.of(field, "regtech.error.reasonLength"));
        }
        return reason.strip();
    }

    /** Compliance triages: relevant (with the departments that assess and a deadline) or not, always with a reason. */
    @Transactional
    public Assessment triage(Member member, long itemId, Boolean relevant, String reason, List<String> departments, LocalDate deadline) {
        checkCompliance(member);
        Item item = items.find(itemId).orElseThrow(() -> new NotFoundException("regulatory item", String.valueOf(itemId)));
        if (relevant == null) {
            throw new InvalidRequestException("relevant or not?", Map.of("relevant", "regtech.error.relevant"));
        }
        String why = reason(reason, "reason");
        if (assessments.forItem(itemId).isPresent()) {
            throw new ConflictException("regtech.error.alreadyTriaged");
        }
        List<String> depts = departments == null ? List.of() : departments.stream().filter(d -> d != null && !d.isBlank())
                .map(String::strip).distinct().toList();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (relevant) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (depts.isEmpty()) {
                errors.put("departments", "regtech.error.departments");
            } else if (depts.size() > 12 || depts.stream().anyMatch(d -> !d.matches("dept-[a-z0-9-]{1,40}"))) {
                errors.put("departments", "regtech.error.departments");
            }
            if (deadline == null) {
                errors.put("deadline", "regtech.error.deadline");
            } else if (deadline.isBefore(today)) {
                errors.put("deadline", "regtech.error.deadlinePast");
            }
            if (!errors.isEmpty()) {
                throw new InvalidRequestException("the triage has invalid fields", errors);
            }
        }
        Instant now = clock.instant();
        long id = assessments.insert(itemId, relevant ? "assessing" : "closed", relevant, why, relevant ? depts : List.of(),
                relevant ? deadline : null, member.userId(), now);
        CaseView started = work.start(member, PROCESS_KEY, "REG-" + id, Map.of("assessmentId", id, "relevant", false));
        assessments.setCase(id, started.id());
        items.setAssessment(itemId, id, relevant ? "assessing" : "not-relevant");
        Task triage = openTask(started.id(), "triage", null);
        work.complete(member, triage.getId(), Map.of("relevant", relevant), why);
        return assessments.find(id).orElseThrow();
    }

    private Task openTask(String caseId, String activityId, String department) {
        var query = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(activityId);
        if (department != null) {
            query = query.taskCandidateGroup(department);
        }
        List<Task> open = query.list();
        return open.isEmpty() ? null : open.get(0);
    }

    /** A department assessing the impact (its members: business staff of that department, or IT). */
    @Transactional
    public Assessment assess(Member member, long assessmentId, String processes, String systems, LocalDate deadline, String risk) {
        Assessment a = get(assessmentId);
        if (!a.state().equals("assessing")) {
            throw new ConflictException("regtech.error.notAssessing");
        }
        String dept = member.department();
        if (dept == null || !a.departments().contains(dept)) {
            throw new AccessDeniedException("your department was not asked to assess this item");
        }
        Task task = openTask(a.caseId(), "assessImpact", dept);
        if (task == null) {
            throw new ConflictException("regtech.error.alreadyAssessed");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (processes == null || processes.isBlank()) {
            errors.put("processes", "regtech.error.processes");
        }
        if (systems == null || systems.isBlank()) {
            errors.put("systems", "regtech.error.systems");
        }
        if (processes != null && processes.length() > 2000 || systems != null && systems.length() > 2000) {
            errors.put("processes", "regtech.error.impactLength");
        }
        if (risk == null || !RISKS.contains(risk)) {
            errors.put("risk", "regtech.error.risk");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the impact has invalid fields", errors);
        }
        Instant now = clock.instant();
        assessments.insertImpact(a.id(), dept, member.userId(), processes.strip(), systems.strip(), deadline, risk, now);
        work.complete(member, task.getId(), Map.of(), null);
        if (openTask(a.caseId(), "assessImpact", null) == null) {
            assessments.setState(a.id(), "deciding");
        }
        return get(assessmentId);
    }

    /**
     * Compliance decides: raise a demand (through the demand portal, linked both ways), open a
     * governance scenario with source "regulation" in the engine's catalog, or no action, each with a reason.
     */
    @Transactional
    public Assessment decide(Member member, long assessmentId, String decision, String reason, String demandTitle) {
        return decide(member, assessmentId, decision, reason, demandTitle, null);
    }

    @Transactional
    public Assessment decide(Member member, long assessmentId, String decision, String reason, String demandTitle,
                             ScenarioChoice scenario) {
        checkCompliance(member);
        Assessment a = get(assessmentId);
        if (!a.state().equals("deciding")) {
            throw new ConflictException(a.state().equals("assessing") ? "regtech.error.stillAssessing" : "regtech.error.alreadyDecided");
        }
        String why = reason(reason, "reason");
        Item item = items.find(a.itemId()).orElseThrow();
        Long demandId = null;
        String scenarioId = null;
        String status;
        if ("demand".equals(decision)) {
            String title = demandTitle == null || demandTitle.isBlank() ? "落实监管要求：" + item.title() : demandTitle.strip();
            title = title.length() > 200 ? title.substring(0, 199) + "…" : title;
            StringBuilder description = new StringBuilder(why).append("\n\n");
            for (Impact i : assessments.impacts(a.id())) {
                description.append(i.department()).append(": ").append(i.processes()).append(" / ").append(i.systems())
                        .append(" (").append(i.risk()).append(")\n");
            }
            String ref = item.title().length() > 200 ? item.title().substring(0, 200) : item.title();
            DemandRef ref2 = demands.raise(member, new NewDemand(title, description.length() > 4000 ? description.substring(0, 4000)
                    : description.toString(), "REGULATORY", why.length() > 2000 ? why.substring(0, 2000) : why, "HIGH", true, ref,
                    a.deadline(), new NewDemand.Origin("regtech", "assessment/" + a.id())));
            demandId = ref2.id();
            status = "demand";
        } else if ("scenario".equals(decision)) {
            scenarioId = openScenario(member, a, item, why, scenario);
            status = "scenario";
        } else if ("no-action".equals(decision)) {
            status = "no-action";
        } else {
            throw new InvalidRequestException("regtech.error.decision", Map.of("decision", "regtech.error.decision"));
        }
        Task task = openTask(a.caseId(), "decide", null);
        assessments.decide(a.id(), status, why, demandId, scenarioId, member.userId(), clock.instant());
        items.setStatus(a.itemId(), status);
        if (task != null) {
            work.complete(member, task.getId(), Map.of(), why);
        }
        return get(assessmentId);
    }

    /**
     * Opens the scenario through the catalog's public API; its checks (known department, category,
     * sizes) come back as field errors and, thrown inside this transaction, leave nothing behind.
     */
    private String openScenario(Member member, Assessment a, Item item, String why, ScenarioChoice choice) {
        Map<String, String> errors = new LinkedHashMap<>();
        String department = choice == null || choice.ownerDepartment() == null || choice.ownerDepartment().isBlank()
                ? null : choice.ownerDepartment().strip();
        if (department == null) {
            errors.put("scenarioDepartment", "regtech.error.scenarioDepartment");
        }
        String category = choice == null || choice.businessCategory() == null || choice.businessCategory().isBlank()
                ? "internal" : choice.businessCategory().strip();
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the decision has invalid fields", errors);
        }
        String name = choice.name() == null || choice.name().isBlank() ? "落实监管要求：" + item.title() : choice.name().strip();
        name = name.length() > 200 ? name.substring(0, 199) + "…" : name;
        String reference = item.title() + (item.link() == null ? "" : " — " + item.link());
        reference = reference.length() > 2000 ? reference.substring(0, 2000) : reference;
        try {
            return catalog.openScenario(new NewScenario(name, why, "regulation", reference, department, category, List.of(),
                    member.userId()));
        } catch (InvalidRequestException e) {
            Map<String, String> mapped = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, message) -> mapped.put(switch (field) {
                case "ownerDepartment" -> "scenarioDepartment";
                case "businessCategory" -> "scenarioCategory";
                case "name" -> "scenarioName";
                default -> field;
            }, switch (field) {
                case "ownerDepartment" -> "regtech.error.scenarioDepartment";
                case "businessCategory" -> "regtech.error.scenarioCategory";
                case "name" -> "regtech.error.name";
                default -> message;
            }));
            throw new InvalidRequestException("the decision has invalid fields", mapped);
        }
    }

    @Transactional(readOnly = true)
    public Assessment get(long id) {
        return assessments.find(id).orElseThrow(() -> new NotFoundException("assessment", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Optional<View> forItem(Member member, long itemId) {
        return assessments.forItem(itemId).map(a -> view(member, a));
    }

    @Transactional(readOnly = true)
    public View view(Member member, long id) {
        return view(member, get(id));
    }

    private View view(Member member, Assessment a) {
        List<Impact> impacts = assessments.impacts(a.id());
        boolean mayAssess = a.state().equals("assessing") && member.department() != null && a.departments().contains(member.department())
                && impacts.stream().noneMatch(i -> i.department().equals(member.department()));
        boolean mayDecide = a.state().equals("deciding") && member.hasRole(PlatformRole.COMPLIANCE);
        return new View(a, impacts, a.demandId() == null ? Optional.empty() : demands.find(a.demandId()),
                a.scenarioId() == null ? Optional.empty() : catalog.scenario(a.scenarioId()), mayAssess, mayDecide,
                a.overdueOn(LocalDate.now(clock.withZone(zone))));
    }

    @Transactional(readOnly = true)
    public List<View> list(Member member) {
        return assessments.list(200).stream().map(a -> view(member, a)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Assessment> forCase(String caseId) {
        return assessments.forCase(caseId);
    }
}
