package io.clearflow.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Refusals people read on pages (the one-time flash of a refused action, a field's error, a problem
 * detail) are bundle keys with a text in Chinese and in English, never English sentences or maps
 * written in the code. Checked on every module's main sources; 404s name what was not found and are left out.
 */
class UserMessageKeysTest {

    /**
     * The main sources of every module, relative to the repository root: a refusal can reach a page or a problem
     * detail from anywhere, and a refusal moved into a new collaborator or validator is still checked.
     */
    static final List<String> PACKAGES = List.of(
            "bpm-engine/src/main/java", "demand-portal/src/main/java", "test-metrics/src/main/java",
            "delivery-pipeline/src/main/java", "rpa-ocr-bots/src/main/java", "process-mining/src/main/java",
            "regtech-feed/src/main/java");

    /** The message of a refusal, and the texts of field errors. */
    static final Pattern MESSAGE = Pattern.compile("new (?:InvalidRequestException|ConflictException|AccessDeniedException)\\(\\s*\"([^\"]*)\"");
    static final Pattern FIELD_ERROR = Pattern.compile(
            "(?:errors\\.put\\(|new InvalidRequestException\\([^;]*?Map\\.of\\()\\s*\"[^\"]+\",\\s*\"([^\"]*)\"\\)");
    static final Pattern KEY_PREFIX = Pattern.compile("errors\\.put\\(field,\\s*\"([^\"]+)\"\\s*\\+");

    @Test
    void everyRefusalIsABundleKeyInBothLanguages() throws IOException {
        Properties chinese = new Properties();
        Properties english = new Properties();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            Properties target = bundle.getFilename().endsWith("_en.properties") ? english : chinese;
            try (InputStream in = bundle.getInputStream()) {
                target.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        Path root = Path.of("..");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path file : sources(root)) {
            String source = root.relativize(file).toString();
            String code = Files.readString(file);
            for (Pattern pattern : List.of(MESSAGE, FIELD_ERROR)) {
                Matcher m = pattern.matcher(code);
                while (m.find()) {
                    checked++;
                    String key = m.group(1);
                    if (!chinese.containsKey(key) || !english.containsKey(key)) {
                        missing.add(source.substring(source.lastIndexOf('/') + 1) + ": \"" + key + "\"");
                    }
                }
            }
            Matcher prefix = KEY_PREFIX.matcher(code);
            while (prefix.find()) {
                checked++;
                String start = prefix.group(1);
                if (chinese.keySet().stream().noneMatch(k -> k.toString().startsWith(start))) {
                    missing.add(source + ": keys starting \"" + start + "\"");
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(missing).as("refusals without a text in both bundles").isEmpty();
    }

    private static List<Path> sources(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> walk = Files.walk(root.resolve(pkg))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        assertThat(files).as("sources under " + PACKAGES).hasSizeGreaterThan(800);
        return files;
    }
}
