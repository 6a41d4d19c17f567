package io.clearflow.delivery.artifact;

import io.clearflow.engine.api.InvalidRequestException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an artifact may be called: a plain file name (the embedded runner copies it under that name, Jenkins
 * gets it as a parameter), so no folders, no {@code ..}, no shell or markup characters.
 */
final class ArtifactNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,254}");

    private ArtifactNames() {
    }

    /** The name to store: {@code name} if given, else the uploaded file's name; 400 when it is not plain. */
    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("delivery.error.artifactName", Map.of("name", "delivery.error.artifactName"));
        }
        String trimmed = name.strip();
        if (!NAME.matcher(trimmed).matches() || trimmed.contains("..")) {
            throw new InvalidRequestException("delivery.error.artifactName", Map.of("name", "delivery.error.artifactName"));
        }
        return trimmed;
    }
}
