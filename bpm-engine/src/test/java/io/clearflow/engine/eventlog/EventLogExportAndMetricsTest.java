package io.clearflow.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;

/** XES export, job failures in the log, metrics from committed work only, the OpenAPI description. */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
class EventLogExportAndMetricsTest {

    @Autowired MockMvc mvc;
    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogRepository log;
    @Autowired ManagementService management;
    @Autowired MeterRegistry meters;
    @Autowired TransactionTemplate transaction;

    private String completedCase() {
        var request = approvals.submit(directory.requireMember("zhangsan"), "xes", BigDecimal.TEN, "r");
        var lisi = directory.requireMember("lisi");
        approvals.decide(lisi, work.inbox(lisi, 0, 200).stream().filter(t -> t.caseId().equals(request.caseId()))
                .findFirst().orElseThrow().id(), false, "no");
        return request.caseId();
    }

    @Test
    void theXesExportHasOneTracePerCaseWithTheCasesEventsInOrder() throws Exception {
        String caseId = completedCase();
        var streaming = mvc.perform(get("/api/events/export.xes").param("caseId", caseId).with(httpBasic("admin", "demo")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
                .andReturn();
        byte[] xes = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(streaming))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xes));
        var traces = document.getElementsByTagNameNS("http://www.xes-standard.org/", "trace");
        assertThat(traces.getLength()).isEqualTo(1);
        var events = ((Element) traces.item(0)).getElementsByTagNameNS("http://www.xes-standard.org/", "event");
        var expected = log.find(EventLogFilter.none().withCaseId(caseId), 0, 100).stream()
                .filter(e -> e.scope() != PlatformEvent.Scope.PROCESS).toList();
        assertThat(events.getLength()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> attributes = new java.util.HashMap<>();
            var children = ((Element) events.item(i)).getChildNodes();
            for (int c = 0; c < children.getLength(); c++) {
                if (children.item(c) instanceof Element a) {
                    attributes.put(a.getAttribute("key"), a.getAttribute("value"));
                }
            }
            assertThat(attributes.get("lifecycle:transition")).isEqualTo(expected.get(i).lifecycle());
            assertThat(attributes.get("concept:instance")).isEqualTo(expected.get(i).activityId());
            assertThat(attributes.get("time:timestamp")).isEqualTo(expected.get(i).occurredAt().toString());
            assertThat(attributes.get("clearflow:eventId")).isEqualTo(expected.get(i).eventId());
        }
    }

    @Test
    void aFailingJobIsLoggedWithItsError() {
        var zhangsan = directory.requireMember("zhangsan");
        var started = work.start(zhangsan, "failingJob", null, Map.of());
        var job = management.createJobQuery().processInstanceId(started.id()).singleResult();
        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
        var failures = log.find(new EventLogFilter(started.id(), null, null, null, null, "fail", "job", null, null), 0, 10);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).activityId()).isEqualTo("boom");
        assertThat(failures.get(0).attributes()).containsKey("error").containsEntry("jobId", job.getId());
    }

    @Test
    void metricsCountCommittedWorkOnly() {
        double started = counter("clearflow.process.started");
        double completed = counter("clearflow.process.completed");
        long handled = timerCount("clearflow.task.handling");
        completedCase();
        assertThat(counter("clearflow.process.started")).isEqualTo(started + 1);
        assertThat(counter("clearflow.process.completed")).isEqualTo(completed + 1);
        assertThat(timerCount("clearflow.task.handling")).isEqualTo(handled + 1);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            approvals.submit(directory.requireMember("zhangsan"), "rolled back", BigDecimal.ONE, "r");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(counter("clearflow.process.started")).isEqualTo(started + 1);
    }

    @Test
    void theOpenApiDescriptionCoversTheApi() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/events", "/api/events/export.xes", "/api/tasks/{taskId}/complete",
                "/api/approvals", "/api/admin/users", "/api/admin/bots/{userId}/tokens");
    }

    private double counter(String name) {
        var c = meters.find(name).tag("process", "referenceApproval").counter();
        return c == null ? 0 : c.count();
    }

    /** Over every department's timer of the process: the timers are tagged by department too. */
    private long timerCount(String name) {
        return meters.find(name).tag("process", "referenceApproval").timers().stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }
}
