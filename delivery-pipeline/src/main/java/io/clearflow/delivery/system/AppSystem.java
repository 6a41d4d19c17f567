package io.clearflow.delivery.system;

/**
 * An application system of the project-system table.
 *
 * @param ownerDepartment department group id (shown by name)
 * @param critical        critical information infrastructure
 */
public record AppSystem(String code, String name, String ownerDepartment, boolean critical) {
}
