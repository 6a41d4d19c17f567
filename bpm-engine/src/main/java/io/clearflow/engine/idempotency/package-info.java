/**
 * Idempotency keys on the handlers marked {@link io.clearflow.engine.api.Idempotent}: a retried request (a client that
 * lost the answer during a database outage, a double click) is answered from the first one's stored answer instead of
 * being applied again; the same key with another request is refused (422), and a duplicate arriving while the first is
 * still running is refused (409).
 */
package io.clearflow.engine.idempotency;
