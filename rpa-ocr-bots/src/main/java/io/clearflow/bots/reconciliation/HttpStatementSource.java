package io.clearflow.bots.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.bots.runtime.BotSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements offered by an external system over HTTP: {@code GET listUrl} answers a JSON array of
 * {@code {"name": ..., "url": ...}} (urls relative to the list), each url answers the file. An optional bearer
 * token is sent with every request. Re-offered files are recognised downstream by their content hash.
 */
public final class HttpStatementSource implements StatementSource {

    private final URI listUrl;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public HttpStatementSource(URI listUrl, String token, HttpClient http) {
        this.listUrl = listUrl;
        this.token = token;
        this.http = http;
    }

    @Override
    public List<IncomingDocument> fetch() {
        try {
            JsonNode list = json.readTree(get(listUrl));
            List<IncomingDocument> found = new ArrayList<>();
            for (JsonNode item : list) {
                URI url = listUrl.resolve(item.path("url").asText());
                found.add(new IncomingDocument(item.path("name").asText(url.getPath()), get(url)));
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("cannot fetch statements from " + listUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private byte[] get(URI url) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public BotSource describe() {
        return new BotSource("http", listUrl.toString());
    }
}
