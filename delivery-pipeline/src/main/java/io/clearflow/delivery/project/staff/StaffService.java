package io.clearflow.delivery.project.staff;

import io.clearflow.delivery.input.FreeText;
import io.clearflow.delivery.project.CostRepository;
import io.clearflow.delivery.project.ProjectService;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HR resource pool: intern and outsourced staff, their onboarding ({@value #ONBOARDING_KEY}) and offboarding
 * ({@value #OFFBOARDING_KEY}) with checklists, effort per project and month, and the allocation (分摊) of their
 * monthly cost to projects in proportion to that effort, as {@code staff} cost rows of the projects.
 */
@Service
public class StaffService {

    public static final String ONBOARDING_KEY = "deliveryStaffOnboarding";
    public static final String OFFBOARDING_KEY = "deliveryStaffOffboarding";
    static final Set<String> KINDS = Set.of("intern", "outsourced");
    static final BigDecimal MAX_COST = new BigDecimal("99999999.99");
    /** More hours than a month has cannot be one person's effort. */
    static final BigDecimal MAX_HOURS = new BigDecimal("744");
    private static final FreeText NAME = text(100);
    private static final FreeText VENDOR = text(200);
    private static final FreeText DEPARTMENT = text(64);

    public record NewStaff(String name, String kind, String vendor, String department, BigDecimal monthlyCost) { }

    public record Allocation(String period, Map<Long, BigDecimal> costs) { }

    private final StaffRepository staff;
    private final StaffItemRepository items;
    private final EffortRepository efforts;
    private final AllocationRepository allocations;
    private final CostRepository costs;
    private final ProjectService projects;
    private final SystemCatalog systems;
    private final OrgDirectory directory;
    private final WorkService work;
    private final TaskService engineTasks;
    private final Clock clock;

    StaffService(StaffRepository staff, StaffItemRepository items, EffortRepository efforts,
                 AllocationRepository allocations, CostRepository costs, ProjectService projects, SystemCatalog systems,
                 OrgDirectory directory, WorkService work, TaskService engineTasks, Clock clock) {
        this.staff = staff;
        this.items = items;
        this.efforts = efforts;
        this.allocations = allocations;
        this.costs = costs;
        this.projects = projects;
        this.systems = systems;
        this.directory = directory;
        this.work = work;
        this.engineTasks = engineTasks;
        this.clock = clock;
    }

    /** Registers a person and starts their onboarding: account, access and equipment to be done. */
    @Transactional
    public Staff onboard(Member member, NewStaff in) {
        String name = NAME.check(in.name(), true, "name");
        String kind = in.kind() == null ? null : in.kind().strip();
        if (kind == null || !KINDS.contains(kind)) {
            throw invalid("kind", "delivery.project.staff.error.kind");
        }
        String vendor = VENDOR.check(in.vendor(), "outsourced".equals(kind), "vendor");
        String department = DEPARTMENT.check(in.department(), true, "department");
        if (directory.unit(department).filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isEmpty()) {
            throw invalid("department", "delivery.project.error.unknownDepartment");
        }
        BigDecimal cost = in.monthlyCost();
        if (cost == null) {
            throw invalid("monthlyCost", "delivery.project.error.required");
        }
        if (cost.signum() < 0) {
            throw invalid("monthlyCost", "delivery.project.error.negative");
        }
        if (cost.compareTo(MAX_COST) > 0 || cost.stripTrailingZeros().scale() > 2) {
            throw invalid("monthlyCost", "delivery.project.error.amount");
        }
        String caseId = work.newCaseId();
        long id = staff.insert(name, kind, vendor, department, cost, caseId, member.userId(), clock.instant());
        for (String item : List.of("account", "access", "equipment")) {
            items.insert(id, Staff.ONBOARDING, item, null, item);
        }
        work.start(member, ONBOARDING_KEY, "HR-" + id, Map.of("staffId", id), caseId);
        return person(id);
    }

    /** Ticks off a checklist item of the person's current phase. */
    @Transactional
    public void itemDone(Member member, long staffId, long itemId) {
        Staff s = person(staffId);
        if (!Staff.ONBOARDING.equals(s.state()) && !Staff.OFFBOARDING.equals(s.state())) {
            throw new ConflictException("delivery.project.staff.error.notNow", s.key(), s.state());
        }
        boolean ofPhase = items.of(staffId).stream().anyMatch(i -> i.id() == itemId && i.phase().equals(s.state()));
        if (!ofPhase || !items.done(staffId, itemId, member.userId(), clock.instant())) {
            throw new NotFoundException("open checklist item", String.valueOf(itemId));
        }
    }

    /** Completes onboarding once account, access and equipment are done. */
    @Transactional
    public Staff onboarded(Member member, long staffId) {
        return finish(member, staffId, Staff.ONBOARDING, Staff.ACTIVE, "onboard");
    }

    /**
     * Starts offboarding: account and access to revoke, equipment to return, and a hand-over for each system the person
     * worked on (at least one; unknown systems are refused).
     */
    @Transactional
    public Staff offboard(Member member, long staffId, List<String> handOver, LocalDate leftOn) {
        Staff s = person(staffId);
        if (!Staff.ACTIVE.equals(s.state())) {
            throw new ConflictException("delivery.project.staff.error.notNow", s.key(), s.state());
        }
        List<String> codes = handOver == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(handOver.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList()));
        if (codes.isEmpty() || codes.size() > 50) {
            throw invalid("systems", "delivery.project.error.systems");
        }
        if (codes.stream().anyMatch(c -> systems.find(c).isEmpty())) {
            throw invalid("systems", "delivery.project.error.unknownSystem");
        }
        String caseId = work.newCaseId();
        if (!staff.move(staffId, Staff.ACTIVE, Staff.OFFBOARDING, caseId, leftOn)) {
            throw new ConflictException("delivery.project.staff.error.notNow", s.key(), s.state());
        }
        for (String item : List.of("account", "access", "equipment")) {
            items.insert(staffId, Staff.OFFBOARDING, item, null, item);
        }
        codes.forEach(code -> items.insert(staffId, Staff.OFFBOARDING, "handover", code, code));
        work.start(member, OFFBOARDING_KEY, "HR-" + staffId, Map.of("staffId", staffId), caseId);
        return person(staffId);
    }

    /** Completes offboarding; refused (409, naming them) while a system hand-over or another item is open. */
    @Transactional
    public Staff left(Member member, long staffId) {
        return finish(member, staffId, Staff.OFFBOARDING, Staff.LEFT, "offboard");
    }

    /** Records hours of a person on a project in a month ({@code YYYY-MM}). */
    @Transactional
    public void effort(Member member, long staffId, Long projectId, String period, BigDecimal hours) {
        Staff s = person(staffId);
        if (Staff.LEFT.equals(s.state())) {
            throw new ConflictException("delivery.project.staff.error.notNow", s.key(), s.state());
        }
        if (projectId == null) {
            throw invalid("projectId", "delivery.project.error.required");
        }
        try {
            projects.project(projectId);
        } catch (NotFoundException e) {
            throw invalid("projectId", "delivery.project.staff.error.unknownProject");
        }
        LocalDate month = month(period);
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.stripTrailingZeros().scale() > 2) {
            throw invalid("hours", "delivery.project.staff.error.hours");
        }
        efforts.insert(staffId, projectId, month, hours, member.userId(), clock.instant());
    }

    /**
     * Allocates the person's cost of the month to the projects they recorded effort on, in proportion to the hours, as
     * {@code staff} cost rows. Idempotent per person and month: the rows an earlier run wrote are removed first, so a
     * re-run (after corrected effort) replaces them and never doubles. No effort: nothing allocated (earlier rows removed).
     */
    @Transactional
    public Allocation allocate(Member member, long staffId, String period) {
        Staff s = person(staffId);
        LocalDate month = month(period);
        List<Long> previous = allocations.costIds(staffId, month);
        allocations.forget(staffId, month);
        costs.delete(previous);
        Map<Long, BigDecimal> split = CostAllocation.split(s.monthlyCost(), efforts.hoursByProject(staffId, month));
        var now = clock.instant();
        split.forEach((projectId, amount) -> {
            long costId = costs.insert(projectId, CostRepository.STAFF, amount, month,
                    s.name() + " " + YearMonth.from(month), member.userId(), now);
            allocations.insert(staffId, month, costId);
        });
        return new Allocation(YearMonth.from(month).toString(), split);
    }

    @Transactional(readOnly = true)
    public Staff person(long id) {
        return staff.find(id).orElseThrow(() -> new NotFoundException("staff", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public List<Staff> all() {
        return staff.all();
    }

    @Transactional(readOnly = true)
    public List<StaffItemRepository.Item> items(long id) {
        return items.of(id);
    }

    @Transactional(readOnly = true)
    public List<EffortRepository.Effort> efforts(long id) {
        return efforts.of(id);
    }

    @Transactional(readOnly = true)
    public List<AllocationRepository.Allocated> allocations(long id) {
        return allocations.of(id);
    }

    private Staff finish(Member member, long staffId, String phase, String next, String step) {
        Staff s = person(staffId);
        if (!phase.equals(s.state())) {
            throw new ConflictException("delivery.project.staff.error.notNow", s.key(), s.state());
        }
        List<String> open = items.of(staffId).stream().filter(i -> i.phase().equals(phase) && !i.done())
                .map(i -> i.system() == null ? i.kind() : i.kind() + " " + i.system()).toList();
        if (!open.isEmpty()) {
            throw new ConflictException("delivery.project.staff.error.open", s.key(), String.join(", ", open));
        }
        Task task = engineTasks.createTaskQuery().processInstanceId(s.caseId()).taskDefinitionKey(step).singleResult();
        if (task == null) {
            throw new ConflictException("delivery.project.staff.error.notNow", s.key(), s.state());
        }
        work.complete(member, task.getId(), Map.of(), null);
        if (!staff.move(staffId, phase, next, null, Staff.LEFT.equals(next) && s.leftOn() == null
                ? LocalDate.now(clock) : null)) {
            throw new ConflictException("delivery.project.staff.error.notNow", s.key(), s.state());
        }
        return person(staffId);
    }

    private static LocalDate month(String period) {
        try {
            return YearMonth.parse(period == null ? "" : period.strip()).atDay(1);
        } catch (DateTimeParseException e) {
            throw invalid("period", "delivery.project.error.period");
        }
    }

    /** A person's fields, stripped, refused with the project flow's keys when missing or too long. */
    private static FreeText text(int max) {
        return new FreeText("delivery.project.error.required", "delivery.project.error.tooLong", max);
    }

    private static InvalidRequestException invalid(String field, String key) {
        return new InvalidRequestException(key, Map.of(field, key));
    }
}
