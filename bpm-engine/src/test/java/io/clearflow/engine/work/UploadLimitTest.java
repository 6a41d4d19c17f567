package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A 50 MB upload to a task, through a real HTTP server (MockMvc never enforces upload limits): it
 * is refused with a 413 problem detail before its body is sent, and nothing is stored.
 */
@SpringBootTest(classes = EngineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadLimitTest {

    @LocalServerPort int port;
    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired TaskService engineTasks;

    @Test
    void aFiftyMegabyteUploadGets413BeforeItsBodyIsSentAndNothingIsStored() throws Exception {
        var request = approvals.submit(directory.requireMember("zhangsan"), "大附件", BigDecimal.ONE, "r");
        String taskId = work.inbox(directory.requireMember("lisi"), 0, 200).stream()
                .filter(t -> t.caseId().equals(request.caseId())).findFirst().orElseThrow().id();
        long size = 50L * 1024 * 1024;
        // what curl does for a large body: announce it, wait for 100-continue, send only then
        // (a raw socket, because Java 17's HttpClient waits forever when the answer is not 100)
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tasks/" + taskId + "/attachments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString("lisi:demo".getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + size
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(2048), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue")
                    .contains("application/problem+json").contains("\"status\":413").contains("nothing was stored");
        }
        assertThat(engineTasks.getProcessInstanceAttachments(request.caseId())).isEmpty();
    }

    static final String BOUNDARY = "clearflowBoundary7MA4YWxkTrZu0gW";
}
