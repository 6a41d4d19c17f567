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
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Refusals people read on pages (the one-time flash of a refused action, a field's error, a problem
 * detail) are bundle keys with a text in Chinese and in English, never English sentences or maps
 * written in the code. Checked on the sources of the services whose refusals the business pages show.
 */
class UserMessageKeysTest {

    /** Services and policies whose refusals reach the business pages, relative to the repository root. */
    static final List<String> SOURCES = List.of(
            "demand-portal/src/main/java/io/clearflow/demand/lifecycle/DemandInput.java",
            "demand-portal/src/main/java/io/clearflow/demand/lifecycle/DemandService.java",
            "demand-portal/src/main/java/io/clearflow/demand/lifecycle/DemandPageController.java",
            "demand-portal/src/main/java/io/clearflow/demand/lifecycle/DemandConsistency.java",
            "bpm-engine/src/main/java/io/clearflow/engine/work/AttachmentPolicy.java",
            "bpm-engine/src/main/java/io/clearflow/engine/work/CaseOpinions.java",
            "bpm-engine/src/main/java/io/clearflow/engine/work/GenericOperations.java",
            "bpm-engine/src/main/java/io/clearflow/engine/work/DoneTasks.java",
            "bpm-engine/src/main/java/io/clearflow/engine/reference/ApprovalService.java",
            "bpm-engine/src/main/java/io/clearflow/engine/reference/accountopening/AccountOpeningService.java",
            "bpm-engine/src/main/java/io/clearflow/engine/reference/accountopening/IdCardImagePolicy.java");

    /** The message of a refusal, and the texts of field errors. */
    static final Pattern MESSAGE = Pattern.compile("new (?:InvalidRequestException|ConflictException)\\(\\s*\"([^\"]*)\"");
    static final Pattern FIELD_ERROR = Pattern.compile("(?:errors\\.put|Map\\.of)\\(\\s*\"[^\"]+\",\\s*\"([^\"]*)\"\\)");
    static final Pattern KEY_PREFIX = Pattern.compile("errors\\.put\\(field,\\s*\"([^\"]+)\"\\s*\\+");

    @Test
    void everyRefusalOnTheBusinessPagesIsABundleKeyInBothLanguages() throws IOException {
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
        for (String source : SOURCES) {
            String code = Files.readString(root.resolve(source));
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
}
