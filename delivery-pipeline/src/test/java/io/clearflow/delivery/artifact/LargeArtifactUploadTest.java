package io.clearflow.delivery.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryTestApplication;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Upload limits per endpoint, through a real HTTP server (MockMvc enforces none): an artifact larger than the
 * platform's default upload size (25 MB) is accepted and stored with the right digest, because delivery declares a
 * {@code LargeUpload} for it; the same size sent without a Content-Length (chunked) to an endpoint that keeps the
 * default is refused with 413 before its handler runs.
 */
@SpringBootTest(classes = DeliveryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "clearflow.delivery.max-upload-size=100MB")
@ActiveProfiles("test")
class LargeArtifactUploadTest {

    static final long SIZE = 40L * 1024 * 1024;
    static final String BOUNDARY = "clearflowArtifactBoundary42";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anArtifactOverTheDefaultUploadSizeIsStoredWithItsDigest() throws Exception {
        String label = "9." + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/delivery/versions"))
                .header("Authorization", basic("wujiu")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"system\":\"clearflow\",\"version\":\"" + label + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long versionId = json.readTree(created.body()).get("id").asLong();

        long length = multipartLength("clearflow-big.jar");
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(uri("/api/delivery/versions/" + versionId + "/artifacts"))
                .header("Authorization", basic("wujiu")).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> multipart("clearflow-big.jar")), length))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode body = json.readTree(uploaded.body());
        assertThat(body.get("size").asLong()).isEqualTo(SIZE);
        assertThat(body.get("sha256").asText()).isEqualTo(sha256OfContent());
    }

    /** The platform refuses other bodies over 1 MB; a file as the whole body gets the artifact endpoint's limit. */
    @Test
    void anArtifactSentAsTheWholeBodyIsStoredWithItsDigest() throws Exception {
        String label = "9." + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/delivery/versions"))
                .header("Authorization", basic("wujiu")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"system\":\"clearflow\",\"version\":\"" + label + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        long versionId = json.readTree(created.body()).get("id").asLong();

        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(
                        uri("/api/delivery/versions/" + versionId + "/artifacts?name=clearflow-body.jar"))
                .header("Authorization", basic("wujiu")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        LargeArtifactUploadTest::content), SIZE))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(json.readTree(uploaded.body()).get("sha256").asText()).isEqualTo(sha256OfContent());
        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(uri("/api/delivery/versions"))
                .header("Authorization", basic("wujiu")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"system\":\"clearflow\",\"version\":\"" + "x".repeat(2 << 20) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).as("other bodies keep the 1 MB limit").isEqualTo(413);
    }

    @Test
    void aChunkedUploadOverTheDefaultToAnotherEndpointIsRefusedBeforeItsHandler() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/api/governance/validate"))
                .header("Authorization", basic("admin")).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> multipart("model.bpmn20.xml")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(json.readTree(refused.body()).get("maxBytes").asLong()).isEqualTo(25L * 1024 * 1024);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static final StreamedMultipart MULTIPART = new StreamedMultipart(BOUNDARY);

    private static String basic(String user) {
        return StreamedMultipart.basic(user);
    }

    private static long multipartLength(String name) {
        return MULTIPART.length(name, SIZE);
    }

    private static InputStream multipart(String name) {
        return MULTIPART.body(name, content());
    }

    /** {@link #SIZE} bytes of repeatable noise, generated as read: the test never holds the file either. */
    private static InputStream content() {
        return FileSystemArtifactStoreTest.generated(SIZE, 42);
    }

    private static String sha256OfContent() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = content()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
