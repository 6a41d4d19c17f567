package io.clearflow.delivery.artifact;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.UnprocessableException;
import io.clearflow.engine.api.Member;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Registers an artifact built by Jenkins: fetches it from its URL with Spring's {@code RestClient}, streams
 * the body into the store and keeps it only when its digest is the announced one.
 */
@Component
class ArtifactFetcher {

    private final ArtifactService artifacts;
    private final RestClient http;

    ArtifactFetcher(ArtifactService artifacts, RestClient.Builder builder, DeliveryProperties properties) {
        this.artifacts = artifacts;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.fetchTimeout());
        this.http = builder.clone().requestFactory(requests).build();
    }

    ArtifactService.Outcome register(Member actor, long versionId, RegisterArtifact input) {
        artifacts.checkTarget(versionId, input.name()); // before any request goes out
        String expected = input.sha256().toLowerCase(Locale.ROOT);
        URI uri = URI.create(input.url());
        try {
            return http.get().uri(uri).exchange((request, response) -> {
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw unreachable();
                }
                long length = response.getHeaders().getContentLength();
                return artifacts.storeFetched(actor, versionId, input.name(), response.getBody(), length, expected,
                        input.url());
            });
        } catch (ResourceAccessException e) {
            throw unreachable();
        }
    }

    private static UnprocessableException unreachable() {
        return new UnprocessableException("delivery.error.fetchFailed", Map.of("url", "delivery.error.fetchFailed"));
    }

}
