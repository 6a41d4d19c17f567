package io.clearflow.testmetrics.maturity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The continuous-testing maturity model as data ({@code testmetrics/maturity-model.json}): four domains, twelve
 * indicators, and for each indicator the evidence that makes levels 1 to 5 (in English and Chinese). Indicators
 * with an {@code evidence} source are scored automatically by {@link MaturityScorer}; the others need an assessor.
 */
public record MaturityModel(List<String> domains, List<Indicator> indicators) {

    public record Indicator(String key, String domain, String evidence, List<String> en, List<String> zh) {
        /** What level {@code level} (1–5) requires, in the language of {@code locale}. */
        public String criterion(int level, java.util.Locale locale) {
            return ("zh".equals(locale.getLanguage()) ? zh : en).get(level - 1);
        }
    }

    public static MaturityModel load() {
        try (InputStream in = MaturityModel.class.getResourceAsStream("/testmetrics/maturity-model.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> domains = new ArrayList<>();
            root.path("domains").forEach(d -> domains.add(d.asText()));
            List<Indicator> indicators = new ArrayList<>();
            for (JsonNode i : root.path("indicators")) {
                List<String> en = new ArrayList<>();
                List<String> zh = new ArrayList<>();
                i.path("en").forEach(t -> en.add(t.asText()));
                i.path("zh").forEach(t -> zh.add(t.asText()));
                if (en.size() != 5 || zh.size() != 5 || !domains.contains(i.path("domain").asText())) {
                    throw new IllegalStateException("maturity indicator " + i.path("key").asText() + " is incomplete");
                }
                indicators.add(new Indicator(i.path("key").asText(), i.path("domain").asText(),
                        i.path("evidence").isNull() ? null : i.path("evidence").asText(), List.copyOf(en), List.copyOf(zh)));
            }
            return new MaturityModel(List.copyOf(domains), List.copyOf(indicators));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
