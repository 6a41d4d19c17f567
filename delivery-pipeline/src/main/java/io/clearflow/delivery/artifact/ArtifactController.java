package io.clearflow.delivery.artifact;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Artifacts over HTTP: upload (multipart, streamed to disk by the servlet container and from there into the
 * store), registration of a Jenkins build by URL and digest, the artifact with its promotions, and the
 * verified content. Same name and content again answers {@code 200} with the existing artifact.
 */
@RestController
class ArtifactController {

    private final ArtifactService artifacts;
    private final ArtifactFetcher fetcher;
    private final CurrentUser currentUser;

    ArtifactController(ArtifactService artifacts, ArtifactFetcher fetcher, CurrentUser currentUser) {
        this.artifacts = artifacts;
        this.fetcher = fetcher;
        this.currentUser = currentUser;
    }

    @PostMapping(path = "/api/delivery/versions/{id}/artifacts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Idempotent
    @PreAuthorize(DeliveryAccess.UPLOAD)
    ResponseEntity<Stored> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                  @RequestParam(name = "name", required = false) String name) throws IOException {
        String fileName = name == null || name.isBlank() ? file.getOriginalFilename() : name;
        try (InputStream in = file.getInputStream()) {
            return answer(artifacts.upload(currentUser.get(), id, fileName, in, file.getSize()));
        }
    }

    /**
     * The same upload with the file as the whole body ({@code curl --data-binary @app.jar -H 'Content-Type:
     * application/octet-stream' '…/artifacts?name=app.jar'}), streamed from the connection into the store. Build
     * servers should use it for large artifacts: Tomcat's multipart parser searches the boundary byte by byte and
     * holds a multipart upload to about a third of this path's speed (see the README's figures). Not
     * {@link Idempotent}: a key would make the filter hold the body to fingerprint it, and a retried upload is already
     * answered with the stored artifact (same name and content → 200).
     */
    @PostMapping(path = "/api/delivery/versions/{id}/artifacts", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @PreAuthorize(DeliveryAccess.UPLOAD)
    ResponseEntity<Stored> uploadBody(@PathVariable long id, @RequestParam(name = "name", required = false) String name,
                                      HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return answer(artifacts.upload(currentUser.get(), id, name, in, request.getContentLengthLong()));
        }
    }

    @PostMapping("/api/delivery/versions/{id}/artifacts/register")
    @Idempotent
    @PreAuthorize(DeliveryAccess.UPLOAD)
    ResponseEntity<Stored> register(@PathVariable long id, @Valid @RequestBody RegisterArtifact input) {
        return answer(fetcher.register(currentUser.get(), id, input));
    }

    @GetMapping("/api/delivery/artifacts/{id}")
    @PreAuthorize(DeliveryAccess.READ)
    ArtifactView artifact(@PathVariable long id) {
        Artifact a = artifacts.require(id);
        return new ArtifactView(a.id(), a.versionId(), a.name(), a.sha256(), a.size(), a.stage(), a.sourceUrl(),
                a.uploadedBy(), a.uploadedAt(), artifacts.promotions(id));
    }

    @GetMapping("/api/delivery/artifacts/{id}/content")
    @PreAuthorize(DeliveryAccess.READ + " or hasRole('BOT')")
    ResponseEntity<InputStreamResource> content(@PathVariable long id) throws IOException {
        Artifact a = artifacts.require(id);
        InputStream in = artifacts.open(a);
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.sha256()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(a.size())
                .eTag("\"" + a.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.name()).build().toString())
                .body(new InputStreamResource(in));
    }

    private static ResponseEntity<Stored> answer(ArtifactService.Outcome outcome) {
        Artifact a = outcome.artifact();
        Stored body = new Stored(a.id(), a.sha256(), a.size(), a.name(), a.stage());
        return outcome.created() ? ResponseEntity.created(URI.create("/api/delivery/artifacts/" + a.id())).body(body)
                : ResponseEntity.ok(body);
    }

    record Stored(long id, String sha256, long size, String name, String stage) {
    }

    record ArtifactView(long id, long versionId, String name, String sha256, long size, String stage, String sourceUrl,
                        String uploadedBy, java.time.Instant uploadedAt, List<Promotion> promotions) {
    }
}
