package io.clearflow.delivery.artifact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/delivery/versions/{id}/artifacts/register}: an artifact built elsewhere (Jenkins). */
public record RegisterArtifact(@NotBlank @Size(max = 255) String name,
                               @NotBlank @Size(max = 2000) @Pattern(regexp = "(?i)https?://\\S+") String url,
                               @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256) {
}
