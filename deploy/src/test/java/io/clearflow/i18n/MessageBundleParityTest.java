package io.clearflow.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module's label bundle comes in Chinese (the default file) and English ({@code _en}) with
 * exactly the same keys, so no page shows a raw key in either language.
 */
class MessageBundleParityTest {

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        Map<String, Set<Object>> chinese = new HashMap<>();
        Map<String, Set<Object>> english = new HashMap<>();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String name = bundle.getFilename();
            if (name.endsWith("_en.properties")) {
                english.put(name.substring(0, name.length() - "_en.properties".length()), keys(bundle));
            } else {
                chinese.put(name.substring(0, name.length() - ".properties".length()), keys(bundle));
            }
        }

        assertThat(chinese).containsKeys("messages", "governance", "demand", "rpa", "mining");
        assertThat(english.keySet()).isEqualTo(chinese.keySet());
        chinese.forEach((bundle, keys) -> assertThat(english.get(bundle))
                .as("English keys of bundle %s", bundle).containsExactlyInAnyOrderElementsOf(keys));
    }

    private static Set<Object> keys(Resource bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = bundle.getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.keySet();
    }
}
