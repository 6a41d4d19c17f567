package io.clearflow.engine.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST handler whose retry would apply a business change twice (start a case, decide a task, create a record):
 * a request to it with an {@code Idempotency-Key} header is executed once per user and key, and a retry with the same
 * key and the same request gets the first answer again (IETF {@code draft-ietf-httpapi-idempotency-key-header}). The
 * header stays optional; without it the handler runs as always. See the engine's {@code idempotency} package.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {
}
