package io.clearflow.regtech.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback (allowed for the test through the guard's allow-list). */
class HttpFeedFetcherTest {

    final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static HttpFeedFetcher fetcher(List<String> allowedHosts, long maxBytes, int maxRedirects, Duration timeout) {
        return new HttpFeedFetcher(new AddressGuard(false, allowedHosts), Duration.ofSeconds(2), timeout, maxBytes,
                maxRedirects, null, "test");
    }

    static HttpFeedFetcher fetcher() {
        return fetcher(List.of("127.0.0.1"), 1_000_000, 3, Duration.ofSeconds(5));
    }

    @Test
    void fetchesAndThenAsksConditionally() throws Exception {
        byte[] rss = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        server.serve("/rss", rss, "application/rss+xml; charset=utf-8", "\"v1\"");
        Fetched first = fetcher().fetch(server.url("/rss"), null, null);
        assertThat(first.notModified()).isFalse();
        assertThat(first.body()).isEqualTo(rss);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        Fetched second = fetcher().fetch(server.url("/rss"), first.etag(), "Tue, 09 Jan 2024 10:00:00 GMT");
        assertThat(second.notModified()).isTrue();
        assertThat(server.lastHeaders).containsEntry("if-none-match", "\"v1\"")
                .containsEntry("if-modified-since", "Tue, 09 Jan 2024 10:00:00 GMT");
    }

    @Test
    void theGuardRefusesLoopbackWithoutTheAllowList() {
        server.serve("/rss", new byte[] {1}, "text/xml", null);
        assertThatThrownBy(() -> fetcher(List.of(), 1000, 3, Duration.ofSeconds(5)).fetch(server.url("/rss"), null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("loopback");
        assertThat(server.requests.get()).as("nothing was sent").isZero();
    }

    @Test
    void everyRedirectIsCheckedByTheGuard() {
        // localhost is allowed by name; its redirect to the literal 127.0.0.1 is not
        server.on("/start", ex -> {
            ex.getResponseHeaders().add("Location", server.url("/rss").toString());
            server.send(ex, 302, new byte[0]);
        });
        server.serve("/rss", "<rss/>".getBytes(), "text/xml", null);
        var start = java.net.URI.create("http://localhost:" + server.port() + "/start");
        assertThatThrownBy(() -> fetcher(List.of("localhost"), 1000, 3, Duration.ofSeconds(5)).fetch(start, null, null))
                .hasMessageContaining("refused").hasMessageContaining("127.0.0.1");
        assertThat(server.requests.get()).as("only the first hop was sent").isEqualTo(1);
    }

    @Test
    void followsABoundedNumberOfRedirects() throws Exception {
        server.on("/a", ex -> {
            ex.getResponseHeaders().add("Location", "/b");
            server.send(ex, 301, new byte[0]);
        });
        server.on("/b", ex -> {
            ex.getResponseHeaders().add("Location", "/rss");
            server.send(ex, 307, new byte[0]);
        });
        server.serve("/rss", "<rss/>".getBytes(), "text/xml", null);
        Fetched f = fetcher().fetch(server.url("/a"), null, null);
        assertThat(new String(f.body())).isEqualTo("<rss/>");
        assertThat(f.finalUrl()).isEqualTo(server.url("/rss"));

        server.on("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            server.send(ex, 302, new byte[0]);
        });
        assertThatThrownBy(() -> fetcher().fetch(server.url("/loop"), null, null)).hasMessageContaining("more than 3 redirects");
    }

    @Test
    void refusesDocumentsOverTheLimitEvenWithoutContentLength() {
        byte[] big = new byte[200_000];
        server.serve("/big", big, "text/xml", null);
        server.on("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, no length announced
            for (int i = 0; i < 20; i++) {
                ex.getResponseBody().write(new byte[10_000]);
            }
            ex.close();
        });
        assertThatThrownBy(() -> fetcher(List.of("127.0.0.1"), 100_000, 3, Duration.ofSeconds(5)).fetch(server.url("/big"), null, null))
                .hasMessageContaining("larger than 100000 bytes");
        assertThatThrownBy(() -> fetcher(List.of("127.0.0.1"), 100_000, 3, Duration.ofSeconds(5)).fetch(server.url("/chunked"), null, null))
                .hasMessageContaining("larger than 100000 bytes");
    }

    @Test
    void aSlowServerTimesOut() {
        server.on("/slow", ex -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("<rss>".getBytes());
            ex.getResponseBody().flush();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher(List.of("127.0.0.1"), 100_000, 3, Duration.ofMillis(500)).fetch(server.url("/slow"), null, null))
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void httpErrorsAndRefusedConnectionsAreFetchErrors() {
        server.on("/gone", ex -> server.send(ex, 404, "no".getBytes()));
        assertThatThrownBy(() -> fetcher().fetch(server.url("/gone"), null, null)).hasMessageContaining("HTTP 404");
        int closedPort = server.port();
        server.close();
        assertThatThrownBy(() -> fetcher().fetch(java.net.URI.create("http://127.0.0.1:" + closedPort + "/x"), null, null))
                .isInstanceOf(FetchException.class);
    }
}
