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
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reference process as a user drives it through ClearFlow: submit, find the task in the inbox,
 * claim it, decide; the event log, metrics and every permission check are on, as in production.
 * Only for attributing the cost, the event log can be left out ({@code eventLog = false}).
 */
final class PlatformWorkload implements Workload {

    private static final BigDecimal AMOUNT = new BigDecimal("1000.00");

    private final ConfigurableApplicationContext context;
    private final ApprovalService approvals;
    private final WorkService work;
    private final Member zhangsan;
    private final Member lisi;
    private final Member hegui;

    PlatformWorkload(String url, String username, String password, String dataDir, boolean eventLog) {
        // command-line arguments, because they override application.yml (builder defaults would not)
        context = new SpringApplicationBuilder(EngineTestApplication.class)
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
        if (!eventLog) {
            detachEventLog(context.getBean(ProcessEngine.class).getProcessEngineConfiguration());
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
        var configuration = (ProcessEngineConfigurationImpl) engine;
        List<FlowableEventListener> listeners = configuration.getTypedEventListeners().values().stream()
                .flatMap(List::stream).filter(EngineEventLogListener.class::isInstance).distinct().toList();
        if (listeners.isEmpty()) {
            throw new IllegalStateException("the event-log listener is not registered where expected");
        }
        listeners.forEach(configuration.getEventDispatcher()::removeEventListener);
    }

    @Override
    public void close() {
        context.close();
    }
}
