package io.clearflow.regtech.item;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.regtech.parse.ItemText;
import org.junit.jupiter.api.Test;

class DedupeTest {

    static String key(String title, String guid, String link) {
        return Dedupe.key(ItemText.normalised(title), guid, link);
    }

    @Test
    void feedburnerSameGuidDifferentTitlesAreDifferentItems() {
        String guid = "http://feeds.feedburner.com/RegulatorAlerts";
        assertThat(key("Alert: firm A", guid, "x")).isNotEqualTo(key("Alert: firm B", guid, "x"));
        assertThat(key("Alert: firm A", guid, "x")).isEqualTo(key("Alert:   FIRM A ", guid, "y"));
    }

    @Test
    void withoutGuidTheLinkDecides() {
        assertThat(key("Same title", null, "https://x/1")).isNotEqualTo(key("Same title", null, "https://x/2"));
        assertThat(key("Same title", null, "https://x/1")).isEqualTo(key("same  title", null, "https://x/1"));
        assertThat(key("Same title", "g1", "https://x/1")).isNotEqualTo(key("Same title", "g2", "https://x/1"));
    }

    @Test
    void nearIdenticalTitles() {
        String a = ItemText.normalised("EBA extends its Guidelines on ML/TF risk factors to crypto-asset service providers");
        String b = ItemText.normalised("EBA extends Guidelines on ML/TF risk factors to crypto-asset service providers");
        String c = ItemText.normalised("EBA publishes 2024 EU-wide stress test methodology");
        assertThat(Dedupe.similarity(a, b)).isGreaterThanOrEqualTo(Dedupe.NEAR_IDENTICAL);
        assertThat(Dedupe.similarity(a, c)).isLessThan(0.5);
        assertThat(Dedupe.similarity("ab", "ab")).isEqualTo(1.0);
        assertThat(Dedupe.nearIdentical(Dedupe.Signature.of(a), Dedupe.Signature.of(b))).isTrue();
        assertThat(Dedupe.nearIdentical(Dedupe.Signature.of(a), Dedupe.Signature.of(c))).isFalse();
        // the mask never rejects a pair the exact measure accepts
        java.util.Random r = new java.util.Random(1);
        for (int n = 0; n < 2_000; n++) {
            String x = a.substring(0, 10 + r.nextInt(a.length() - 10));
            String y = r.nextBoolean() ? x + "s" : x.replace('e', 'a');
            boolean exact = Dedupe.similarity(x, y) >= Dedupe.NEAR_IDENTICAL;
            assertThat(Dedupe.nearIdentical(Dedupe.Signature.of(x), Dedupe.Signature.of(y))).isEqualTo(exact);
        }
    }
}
