package io.clearflow.delivery.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A project to create: its name, the requesting department (group id) and the systems it touches (codes). The shapes
 * are declared here; that the department and systems exist is the service's check.
 */
public record NewProject(
        @NotBlank(message = "delivery.project.error.required") @Size(max = 200, message = "delivery.project.error.tooLong") String name,
        @NotBlank(message = "delivery.project.error.required") @Size(max = 64, message = "delivery.project.error.tooLong") String department,
        @NotEmpty(message = "delivery.project.error.systems") @Size(max = 50, message = "delivery.project.error.tooMany")
        List<@NotBlank(message = "delivery.project.error.systems") @Size(max = 32, message = "delivery.project.error.tooLong") String> systems) {
}
