/** OrgDirectory: users, departments and roles. */
@org.springframework.modulith.NamedInterface("identity")
package io.clearflow.engine.identity;
