package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Attachments. Inputs tried: a real PDF, a 0-byte file, an executable renamed to .pdf, an unknown
 * extension, a binary renamed .txt, a file over the 10 MB limit, a path in the file name, a download
 * by someone who may not follow the case.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AttachmentTest {

    @Autowired MockMvc mvc;
    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired TaskService engineTasks;

    private String reviewTask() {
        var request = approvals.submit(directory.requireMember("zhangsan"), "t", BigDecimal.ONE, "r");
        return work.inbox(directory.requireMember("lisi"), 0, 200).stream()
                .filter(t -> t.caseId().equals(request.caseId())).findFirst().orElseThrow().id();
    }

    private MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }

    @Test
    void aPdfIsStoredWithTheCaseAndDownloadedByThoseWhoMayFollowIt() throws Exception {
        String taskId = reviewTask();
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(multipart("/api/tasks/" + taskId + "/attachments")
                        .file(file("营业执照.pdf", pdf)).with(httpBasic("lisi", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        byte[] downloaded = mvc.perform(get("/api/attachments/" + id + "/content").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(pdf);
        mvc.perform(get("/api/attachments/" + id + "/content").with(httpBasic("wangwu", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void badFilesAreRefusedAndNothingIsStored() throws Exception {
        String taskId = reviewTask();
        String caseId = engineTasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        for (MockMultipartFile bad : new MockMultipartFile[] {
                file("empty.pdf", new byte[0]),
                file("virus.pdf", exe),
                file("tool.exe", exe),
                file("binary.txt", new byte[] {0, 1, 2, (byte) 0xff}),
                file("../../etc/passwd.txt", "x".getBytes(StandardCharsets.UTF_8)),
                file("big.txt", "a".repeat(10 * 1024 * 1024 + 1).getBytes(StandardCharsets.UTF_8))}) {
            mvc.perform(multipart("/api/tasks/" + taskId + "/attachments").file(bad).with(httpBasic("lisi", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.file").exists());
        }
        assertThat(engineTasks.getProcessInstanceAttachments(caseId)).isEmpty();
        mvc.perform(multipart("/api/tasks/" + taskId + "/attachments")
                        .file(file("ok.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))).with(httpBasic("wangwu", "demo")))
                .andExpect(status().isNotFound()); // another department's task: not found, as its case
        assertThat(engineTasks.getProcessInstanceAttachments(caseId)).isEmpty();
    }
}
