package io.clearflow.delivery.cockpit;

import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import org.springframework.stereotype.Component;

/**
 * Department names for the cockpit's rows. Through the directory's cached unit look-up: {@code People.department}
 * reads every group from IDM on each call, which a cockpit with dozens of named rows cannot afford per request.
 */
@Component
class DepartmentNames {

    private final OrgDirectory directory;

    DepartmentNames(OrgDirectory directory) {
        this.directory = directory;
    }

    /** The name, or the id itself for a department no longer in the directory; null for null. */
    String of(String departmentId) {
        return departmentId == null ? null : directory.unit(departmentId).map(OrgUnit::name).orElse(departmentId);
    }
}
