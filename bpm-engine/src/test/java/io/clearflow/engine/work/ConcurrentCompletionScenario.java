package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogService;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two people complete the same task at the same moment (two threads released by one latch, over
 * the REST API): exactly one wins with 204, the other gets a 409 problem detail, and the event log
 * holds one completion. Run against H2 and a real PostgreSQL by the two subclasses, since the race
 * is decided by each database's locking.
 */
abstract class ConcurrentCompletionScenario {

    static final int ROUNDS = 4;

    @Autowired MockMvc mvc;
    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired HistoryService history;
    @Autowired EventLogService eventLog;

    @Test
    void oneWinsTheOtherGetsAConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                var request = approvals.submit(directory.requireMember("zhangsan"), "并发" + round, BigDecimal.ONE, "r");
                String taskId = work.inbox(directory.requireMember("lisi"), 0, 200).stream()
                        .filter(t -> t.caseId().equals(request.caseId())).findFirst().orElseThrow().id();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
                // alternate who starts first, so neither side always wins by being first in line
                List<String> users = round % 2 == 0 ? List.of("lisi", "zhangsan") : List.of("zhangsan", "lisi");
                for (String user : users) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return mvc.perform(post("/api/tasks/" + taskId + "/complete").with(httpBasic(user, "demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"variables\":{\"approved\":true}}")).andReturn().getResponse();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                MockHttpServletResponse loser = null;
                for (Future<MockHttpServletResponse> answer : answers) {
                    MockHttpServletResponse response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.getStatus());
                    if (response.getStatus() != 204) {
                        loser = response;
                    }
                }
                Collections.sort(statuses);
                assertThat(statuses).as("round " + round).containsExactly(204, 409);
                assertThat(loser.getContentType()).isEqualTo("application/problem+json");
                assertThat(loser.getContentAsString()).contains("\"status\":409");
                assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isEqualTo(1);
                assertThat(eventLog.find(directory.requireMember("admin"), new EventLogFilter(request.caseId(), null, null,
                        null, "departmentReview", "complete", null, null, null), 0, 10).totalElements()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
