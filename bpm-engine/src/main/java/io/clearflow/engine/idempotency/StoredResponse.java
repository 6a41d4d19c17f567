package io.clearflow.engine.idempotency;

/** The parts of a first answer a retry gets again: status, body and the headers that say what was created. */
record StoredResponse(int status, String contentType, String location, byte[] body) {
}
