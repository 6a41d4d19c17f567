package io.clearflow.engine.eventlog;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

/**
 * The reference process driven through the platform service layer, the same way on any database,
 * and its event log in a form that does not depend on the database (see {@link Row}).
 *
 * <p>The engine clock is pinned to one minute per step so that every timestamp, waiting and handling
 * time is known in advance: time-range filters then select the same rows on every database, and a
 * timestamp that a database shifts (time zone, precision) shows up as a difference.
 */
final class PortabilityScenario {

    /** A Monday night: an unusual hour, so a shift by a time zone would change the date. */
    static final Instant T0 = Instant.parse("2025-06-02T01:00:00Z");
    static final int STEPS = 12;
    static final Instant END = at(STEPS + 1);

    /**
     * An event-log row with what legitimately differs between databases replaced: the row id and
     * the event id are dropped (checked separately), case and task ids become their ordinal of
     * first appearance, the definition id its key and version, the timestamp its offset from {@link #T0}.
     */
    record Row(int caseNo, String process, String scope, String activityId, String activityName,
               String activityType, Integer taskNo, String lifecycle, Duration sinceT0, String resource, String role,
               String department, Map<String, String> attributes) {

        Instant occurredAt() {
            return T0.plus(sinceT0);
        }
    }

    /** What one run leaves behind: the raw events and, normalised, the log and each filter's answer. */
    record Outcome(List<PlatformEvent> events, List<Row> log, Map<String, List<Row>> filtered,
                   Map<String, Long> counted) { }

    /** The filters compared across databases, each confined to the scenario's time window. */
    static final Map<String, EventLogFilter> FILTERS = filters();

    private final ApprovalService approvals;
    private final WorkService work;
    private final EventLogRepository log;
    private final Clock clock;
    private final Member zhangsan;
    private final Member lisi;
    private final Member hegui;

    private PortabilityScenario(ApplicationContext context) {
        this.approvals = context.getBean(ApprovalService.class);
        this.work = context.getBean(WorkService.class);
        this.log = context.getBean(EventLogRepository.class);
        this.clock = context.getBean(ProcessEngine.class).getProcessEngineConfiguration().getClock();
        OrgDirectory directory = context.getBean(OrgDirectory.class);
        this.zhangsan = directory.requireMember("zhangsan");
        this.lisi = directory.requireMember("lisi");
        this.hegui = directory.requireMember("hegui");
    }

    static Outcome runOn(ApplicationContext context) {
        return new PortabilityScenario(context).run();
    }

    static Instant at(int step) {
        return T0.plus(Duration.ofMinutes(step));
    }

    private Outcome run() {
        try {
            drive();
        } finally {
            clock.reset(); // the engine clock is JVM-wide: never leave it pinned for other tests
        }
        List<PlatformEvent> events = log.find(window(EventLogFilter.none()), 0, 1000);
        Normaliser normaliser = new Normaliser(events);
        Map<String, List<Row>> filtered = new LinkedHashMap<>();
        Map<String, Long> counted = new LinkedHashMap<>();
        FILTERS.forEach((name, filter) -> {
            filtered.put(name, normaliser.rows(log.find(filter, 0, 1000)));
            counted.put(name, log.count(filter));
        });
        return new Outcome(events, normaliser.rows(events), filtered, counted);
    }

    private void drive() {
        step(1);
        String approvedCase = approvals.submit(zhangsan, "账户资料变更", new BigDecimal("100.00"), "客户要求").caseId();
        step(2);
        String rejectedCase = approvals.submit(zhangsan, "销户申请", new BigDecimal("0.50"), "资料不全").caseId();

        // approve path: the reviewer claims first and decides later; compliance decides at once
        step(3);
        String review = inboxTask(lisi, approvedCase);
        work.claim(lisi, review);
        step(4);
        approvals.decide(lisi, review, true, "同意");
        step(5);
        approvals.decide(hegui, inboxTask(hegui, approvedCase), true, null);

        // rejected at department review, decided straight from the inbox
        step(6);
        approvals.decide(lisi, inboxTask(lisi, rejectedCase), false, "资料不全，退回");

        // handed back: the requester claims his own request, gives it back, a colleague takes it
        step(7);
        String handedBackCase = approvals.submit(zhangsan, "托管账户开立", new BigDecimal("12345.67"), "新客户").caseId();
        step(8);
        String handedBack = inboxTask(zhangsan, handedBackCase);
        work.claim(zhangsan, handedBack);
        step(9);
        work.unclaim(zhangsan, handedBack);
        step(10);
        work.claim(lisi, inboxTask(lisi, handedBackCase));
        step(11);
        approvals.decide(lisi, handedBack, true, null);
        step(STEPS);
        approvals.decide(hegui, inboxTask(hegui, handedBackCase), false, "不符合要求");
    }

    private void step(int step) {
        clock.setCurrentTime(Date.from(at(step)));
    }

    private String inboxTask(Member member, String caseId) {
        return work.inbox(member, 0, 50).stream()
                .filter(t -> caseId.equals(t.caseId()))
                .map(TaskView::id)
                .findFirst().orElseThrow(() -> new AssertionError("no task of " + caseId + " in the inbox of " + member.userId()));
    }

    private static EventLogFilter window(EventLogFilter filter) {
        return new EventLogFilter(filter.caseId(), filter.processKey(), filter.department(), filter.resource(),
                filter.activityId(), filter.lifecycle(), filter.scope(), T0, END);
    }

    private static Map<String, EventLogFilter> filters() {
        Map<String, EventLogFilter> filters = new LinkedHashMap<>();
        filters.put("department", window(EventLogFilter.none().withDepartment("dept-compliance")));
        filters.put("lifecycle", window(lifecycle("unassign")));
        filters.put("department and lifecycle", window(lifecycle("assign").withDepartment("dept-registry")));
        // from step 4 inclusive to step 9 exclusive: both edges fall on rows
        filters.put("time range", new EventLogFilter(null, null, null, null, null, null, null, at(4), at(9)));
        return filters;
    }

    private static EventLogFilter lifecycle(String lifecycle) {
        return new EventLogFilter(null, null, null, null, null, lifecycle, null, null, null);
    }

    /** In-memory version of a filter, to check what the database returned. */
    static Predicate<Row> matching(EventLogFilter filter) {
        return row -> (filter.department() == null || filter.department().equals(row.department()))
                && (filter.lifecycle() == null || filter.lifecycle().equals(row.lifecycle()))
                && !row.occurredAt().isBefore(filter.from()) && row.occurredAt().isBefore(filter.to());
    }

    /** Numbers cases and tasks in order of first appearance in the scenario's log. */
    private static final class Normaliser {
        private final Map<String, Integer> cases = new HashMap<>();
        private final Map<String, Integer> tasks = new HashMap<>();

        Normaliser(List<PlatformEvent> scenario) {
            for (PlatformEvent e : scenario) {
                cases.putIfAbsent(e.caseId(), cases.size() + 1);
                if (e.taskId() != null) {
                    tasks.putIfAbsent(e.taskId(), tasks.size() + 1);
                }
            }
        }

        List<Row> rows(List<PlatformEvent> events) {
            List<Row> rows = new ArrayList<>();
            for (PlatformEvent e : events) {
                rows.add(new Row(cases.getOrDefault(e.caseId(), -1), e.processKey() + ":" + e.processVersion(),
                        e.scope().value(), e.activityId(), e.activityName(), e.activityType(),
                        e.taskId() == null ? null : tasks.getOrDefault(e.taskId(), -1), e.lifecycle(),
                        Duration.between(T0, e.occurredAt()),
                        e.resource(), e.role(), e.department(), e.attributes()));
            }
            return rows;
        }
    }
}
