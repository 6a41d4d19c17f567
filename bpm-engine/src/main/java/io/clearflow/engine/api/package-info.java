/** Types other modules use: events, members, roles, navigation, schemas and the shared exceptions. */
@org.springframework.modulith.NamedInterface("api")
package io.clearflow.engine.api;
