package io.clearflow.delivery.project.staff;

/**
 * The HR resource pool holds names and costs of people: IT managers (who run it) and admins only. Everybody else
 * gets 403.
 */
final class StaffAccess {

    static final String POOL = "hasAnyRole('IT_MANAGER', 'ADMIN')";

    private StaffAccess() {
    }
}
