/** CurrentUser: the member behind the current request. */
@org.springframework.modulith.NamedInterface("security")
package io.clearflow.engine.security;
