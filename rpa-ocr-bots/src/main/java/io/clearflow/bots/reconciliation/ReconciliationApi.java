package io.clearflow.bots.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.bots.runtime.PlatformClient;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The platform's reconciliation REST API, called through the bot runtime's {@link PlatformClient} (the bot's bearer
 * token, role BOT):
 * <ul>
 *   <li>{@code GET  /api/reconciliation/documents/exists?hash=} (duplicate check before any OCR)</li>
 *   <li>{@code GET  /api/reconciliation/ledger?type=&key=} (the platform's own record; 404 when it has none)</li>
 *   <li>{@code POST /api/reconciliation/documents} multipart: {@code result} JSON and {@code image} PNG; 201 opens
 *       the confirmation task, 409 means the content hash is already known</li>
 * </ul>
 */
public final class ReconciliationApi implements ReconciliationPlatform {

    static final String BASE = "/api/reconciliation";

    private final PlatformClient platform;

    public ReconciliationApi(PlatformClient platform) {
        this.platform = platform;
    }

    /** The API at a platform's base URL with a bot token, outside a bot runtime (CLI, benchmarks, tests). */
    public static ReconciliationApi at(String baseUrl, Supplier<String> token) {
        return new ReconciliationApi(new PlatformClient(() -> baseUrl, token, new ObjectMapper().findAndRegisterModules()));
    }

    @Override
    public boolean alreadySubmitted(String contentHash) {
        return platform.getJson(BASE + "/documents/exists?hash=" + enc(contentHash)).path("exists").asBoolean();
    }

    @Override
    public Optional<Map<String, String>> record(String type, String key) {
        return platform.findJson(BASE + "/ledger?type=" + enc(type) + "&key=" + enc(key))
                .map(answer -> platform.json().convertValue(answer.path("fields"), new TypeReference<Map<String, String>>() { }));
    }

    @Override
    public Optional<Submitted> submit(Reconciliation reconciliation, byte[] previewPng) {
        List<PlatformClient.Part> parts = new ArrayList<>();
        parts.add(new PlatformClient.Part("result", "result.json", "application/json", json(reconciliation)));
        if (previewPng != null) {
            parts.add(new PlatformClient.Part("image", "page.png", "image/png", previewPng));
        }
        try {
            JsonNode answer = platform.postMultipart(BASE + "/documents", parts);
            return Optional.of(new Submitted(answer.path("id").asLong(), answer.path("caseId").asText(null)));
        } catch (PlatformClient.PlatformException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private byte[] json(Reconciliation reconciliation) {
        try {
            return platform.json().writeValueAsBytes(reconciliation);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
