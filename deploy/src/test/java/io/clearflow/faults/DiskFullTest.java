package io.clearflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.ClearFlowApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault: the data folder's disk is full. The data folder is a real 1 MB tmpfs (mounted by the test, which needs root,
 * as CI and this machine have; skipped otherwise), the database elsewhere. A 3 MB event-log upload fills it: the answer
 * is 507 with a problem detail in the reader's language (Chinese by default, English on request), nothing of the
 * upload is left in the folder, and the platform stays up: it answers, is ready, and takes an upload that fits.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:disk-full;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.bots.enabled=false",
                "clearflow.security.api-rate.enabled=false"})
class DiskFullTest {

    static final Path DATA = Path.of("target", "faults-disk-full").toAbsolutePath();
    static final boolean MOUNTED = mountTinyDisk();

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("clearflow.data-dir", DATA::toString);
    }

    static boolean mountTinyDisk() {
        try {
            Files.createDirectories(DATA);
            privileged("umount", "-l", DATA.toString()); // a mount left by an aborted run
            return privileged("mount", "-t", "tmpfs", "-o", "size=1m,mode=1777", "tmpfs", DATA.toString()) == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** As root directly; as anyone else through {@code sudo -n} (the README's test user), failing when it asks. */
    static int privileged(String... command) throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) {
            return run(command);
        }
        String[] sudo = new String[command.length + 2];
        sudo[0] = "sudo";
        sudo[1] = "-n";
        System.arraycopy(command, 0, sudo, 2, command.length);
        return run(sudo);
    }

    static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    @AfterAll
    static void unmount() throws Exception {
        if (MOUNTED) {
            privileged("umount", "-l", DATA.toString());
        }
    }

    @Test
    void anUploadThatFillsTheDiskIs507KeepsNothingAndThePlatformGoesOn() throws Exception {
        Assumptions.assumeTrue(MOUNTED, "needs root or sudo to mount a 1 MB tmpfs as the data folder");
        StringBuilder csv = new StringBuilder("case,activity,timestamp\n");
        for (int i = 0; csv.length() < 3 * 1024 * 1024; i++) {
            csv.append("C").append(i / 3).append(",step ").append(i % 3).append(",2026-01-01T08:00:00Z\n");
        }
        long start = System.nanoTime();
        HttpResponse<String> full = upload("big.csv", csv.toString(), "");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(full.statusCode()).as(full.body()).isEqualTo(507);
        assertThat(full.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(full.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:clearflow:storage-full");
        assertThat(problem.path("detail").asText()).contains("存储空间已满");
        assertThat(json.readTree(upload("big.csv", csv.toString(), "?lang=en").body()).path("detail").asText())
                .contains("storage is full").contains("nothing of this upload was kept");

        assertThat(files()).as("nothing half-stored in the data folder").isEmpty();
        assertThat(get("/actuator/health/readiness").statusCode()).as("still ready").isEqualTo(200);
        assertThat(get("/api/me").statusCode()).isEqualTo(200);
        HttpResponse<String> small = upload("small.csv",
                "case,activity,timestamp\nC1,open,2026-01-01T08:00:00Z\nC1,close,2026-01-01T09:00:00Z\n",
                "?caseColumn=case&activityColumn=activity&timestampColumn=timestamp");
        assertThat(small.statusCode()).as("an upload that fits still works: " + small.body()).isEqualTo(201);
        System.out.printf("Disk full: 3 MB upload on a 1 MB data folder answered 507 in %d ms; nothing kept%n", millis);
    }

    List<Path> files() throws IOException {
        Path mining = DATA.resolve("mining");
        if (!Files.isDirectory(mining)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(mining)) {
            return all.toList();
        }
    }

    HttpResponse<String> upload(String name, String content, String query) throws Exception {
        String boundary = "----clearflow" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/mining/logs" + query))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic("sunqi"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic("sunqi")).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
