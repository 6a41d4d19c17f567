package io.clearflow.engine.bench;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.eventlog.EngineEventLogListener;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The reference process as a user drives it through ClearFlow: submit, find the task in the inbox,
 * claim it, decide; the event log, metrics and every permission check are on, as in production.
 * Only for attributing the cost, the event log can be left out ({@code eventLog = false}), or each
 * instance's time split by part ({@link Breakdown}).
 */
final class PlatformWorkload implements Workload {

    private static final BigDecimal AMOUNT = new BigDecimal("1000.00");

    private final ConfigurableApplicationContext context;
    private final ApprovalService approvals;
    private final WorkService work;
    private final Member zhangsan;
    private final Member lisi;
    private final Member hegui;
    private final Breakdown breakdown;

    PlatformWorkload(String url, String username, String password, String dataDir, boolean eventLog) {
        this(url, username, password, dataDir, eventLog, null);
    }

    /** With a {@code breakdown}, every instance's time is split by part (see {@link BreakdownProbe}). */
    PlatformWorkload(String url, String username, String password, String dataDir, boolean eventLog,
                     Breakdown breakdown) {
        this.breakdown = breakdown;
        var builder = new SpringApplicationBuilder(EngineTestApplication.class);
        if (breakdown != null) {
            builder.initializers(context -> ((GenericApplicationContext) context).registerBean("breakdownProbe",
                    BreakdownProbe.class, () -> new BreakdownProbe(breakdown)));
        }
        // command-line arguments, because they override application.yml (builder defaults would not)
        context = builder
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + username,
                        "--spring.datasource.password=" + password,
                        "--clearflow.data-dir=" + dataDir,
                        // the security set-up needs the servlet stack; nothing calls the web layer here
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        // the reference process has no timers or async steps: no job executor on either side
                        "--flowable.async-executor-activate=false",
                        "--logging.level.root=WARN");
        Workload.requireConnectedTo(context.getBean(DataSource.class), url);
        var engine = context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
        if (!eventLog) {
            detachEventLog(engine);
        } else if (breakdown != null) {
            timeEventLog(engine, breakdown);
        }
        approvals = context.getBean(ApprovalService.class);
        work = context.getBean(WorkService.class);
        OrgDirectory directory = context.getBean(OrgDirectory.class);
        zhangsan = directory.requireMember("zhangsan");
        lisi = directory.requireMember("lisi");
        hegui = directory.requireMember("hegui");
    }

    @Override
    public void runInstance(int n) {
        if (breakdown == null) {
            run(n);
        } else {
            breakdown.measure(() -> run(n));
        }
    }

    private void run(int n) {
        String caseId = approvals.submit(zhangsan, "Benchmark " + n, AMOUNT, "benchmark").caseId();
        String review = inboxTask(lisi, caseId);
        work.claim(lisi, review);
        approvals.decide(lisi, review, true, null);
        approvals.decide(hegui, inboxTask(hegui, caseId), true, null);
    }

    private String inboxTask(Member member, String caseId) {
        return work.inbox(member, 0, 10).stream()
                .filter(t -> caseId.equals(t.caseId()))
                .map(TaskView::id)
                .findFirst().orElseThrow(() -> new IllegalStateException("no task of " + caseId + " for " + member.userId()));
    }

    private static void detachEventLog(ProcessEngineConfiguration engine) {
        eventLogListeners(engine).forEach(((ProcessEngineConfigurationImpl) engine).getEventDispatcher()::removeEventListener);
    }

    /** Replaces the event-log listener with one that charges its time to the event log. */
    private static void timeEventLog(ProcessEngineConfiguration engine, Breakdown breakdown) {
        var configuration = (ProcessEngineConfigurationImpl) engine;
        for (FlowableEventListener listener : eventLogListeners(engine)) {
            FlowableEngineEventType[] types = configuration.getTypedEventListeners().entrySet().stream()
                    .filter(e -> e.getValue().contains(listener))
                    .map(e -> FlowableEngineEventType.valueOf(e.getKey())).toArray(FlowableEngineEventType[]::new);
            configuration.getEventDispatcher().removeEventListener(listener);
            configuration.getEventDispatcher().addEventListener(new TimedListener(listener, breakdown), types);
        }
    }

    private static List<FlowableEventListener> eventLogListeners(ProcessEngineConfiguration engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine;
        List<FlowableEventListener> listeners = configuration.getTypedEventListeners().values().stream()
                .flatMap(List::stream).filter(EngineEventLogListener.class::isInstance).distinct().toList();
        if (listeners.isEmpty()) {
            throw new IllegalStateException("the event-log listener is not registered where expected");
        }
        return listeners;
    }

    /** The event-log listener with a stopwatch; everything else it answers as the listener does. */
    private record TimedListener(FlowableEventListener listener, Breakdown breakdown) implements FlowableEventListener {
        @Override
        public void onEvent(FlowableEvent event) {
            try {
                breakdown.in(Breakdown.Part.EVENT_LOG, () -> {
                    listener.onEvent(event);
                    return null;
                });
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean isFailOnException() {
            return listener.isFailOnException();
        }

        @Override
        public boolean isFireOnTransactionLifecycleEvent() {
            return listener.isFireOnTransactionLifecycleEvent();
        }

        @Override
        public String getOnTransaction() {
            return listener.getOnTransaction();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
