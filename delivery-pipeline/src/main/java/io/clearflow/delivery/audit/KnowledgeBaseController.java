package io.clearflow.delivery.audit;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/** A system's knowledge base for code reviews over REST: list, add a link or a file, download a file. */
@RestController
class KnowledgeBaseController {

    private final KnowledgeBaseService knowledge;
    private final CurrentUser currentUser;

    KnowledgeBaseController(KnowledgeBaseService knowledge, CurrentUser currentUser) {
        this.knowledge = knowledge;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/delivery/audit-kb/{system}")
    @PreAuthorize(DeliveryAccess.READ)
    List<KnowledgeBaseRepository.Entry> list(@PathVariable String system) {
        return knowledge.ofSystem(system);
    }

    /** multipart: {@code title}, {@code kind} (interface, dictionary, other) and either {@code url} or {@code file}. */
    @PostMapping(path = "/api/delivery/audit-kb/{system}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(AuditAccess.AUDIT)
    ResponseEntity<Map<String, Long>> add(@PathVariable String system, @RequestParam(required = false) String title,
                                          @RequestParam(required = false) String kind, @RequestParam(required = false) String url,
                                          @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        return ResponseEntity.status(201).body(Map.of("id", store(knowledge, currentUser.get(), system, title, kind, url, file)));
    }

    /** Always a download: an uploaded HTML or SVG file must not run in the platform's origin. */
    @GetMapping("/api/delivery/audit-kb/entries/{id}/file")
    @PreAuthorize(DeliveryAccess.READ)
    ResponseEntity<Resource> file(@PathVariable long id) {
        KnowledgeBaseRepository.Entry entry = knowledge.entry(id);
        Path file = knowledge.file(entry);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(entry.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file));
    }

    /** A link, or the uploaded file streamed into the store. */
    static long store(KnowledgeBaseService knowledge, Member by, String system, String title, String kind, String url,
                      MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return knowledge.add(system, title, kind, url, null, 0, null, by);
        }
        try (InputStream in = file.getInputStream()) {
            return knowledge.add(system, title, kind, url, file.getOriginalFilename(), file.getSize(), in, by);
        }
    }

}
