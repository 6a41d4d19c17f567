package io.clearflow.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The settings the platform reads, from its own {@code application*.yml} on the classpath: the environment variables
 * named in placeholders ({@code ${CLEARFLOW_DB_URL:...}}) and the property keys, so that deployment files (compose,
 * Kubernetes) can be checked against what the application actually reads.
 */
final class ApplicationSettings {

    /** The profiles a deployment may activate, each with its file next to application.yml. */
    static final List<String> FILES = List.of("application.yml", "application-postgres.yml", "application-kafka.yml",
            "application-migrate.yml");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private final Map<String, String> texts = new LinkedHashMap<>();

    ApplicationSettings() {
        for (String file : FILES) {
            try (InputStream in = ApplicationSettings.class.getResourceAsStream("/" + file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is not on the classpath");
                }
                texts.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    boolean hasProfile(String profile) {
        return texts.containsKey("application-" + profile + ".yml");
    }

    /** The parsed file of a profile ({@code null} for the defaults). */
    Map<String, Object> profile(String profile) {
        return new Yaml().load(texts.get(profile == null ? "application.yml" : "application-" + profile + ".yml"));
    }

    /** Environment variables named in placeholders. */
    Set<String> environmentVariables() {
        Set<String> names = new HashSet<>();
        texts.values().forEach(text -> {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    /**
     * Whether the application reads this environment variable: named in a placeholder, or Spring Boot's relaxed form
     * of a property the application sets itself (SERVER_FORWARD_HEADERS_STRATEGY for server.forward-headers-strategy),
     * or SPRING_PROFILES_ACTIVE.
     */
    boolean reads(String variable) {
        if (variable.equals("SPRING_PROFILES_ACTIVE") || environmentVariables().contains(variable)) {
            return true;
        }
        Set<String> keys = new HashSet<>();
        for (String file : FILES) {
            flatten("", new Yaml().load(texts.get(file)), keys);
        }
        return keys.stream().anyMatch(key -> canonical(key).equals(canonical(variable)));
    }

    /** Relaxed binding's comparison: case, dots, dashes and underscores do not count. */
    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[._-]", "");
    }

    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, keys));
        } else {
            keys.add(prefix.toLowerCase(Locale.ROOT));
        }
    }
}
