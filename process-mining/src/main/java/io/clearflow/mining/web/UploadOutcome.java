package io.clearflow.mining.web;

/** How an upload from the page ended: the imported log's id, or the refusal's message key and its detail. */
record UploadOutcome(String logId, String errorKey, Object[] args) {

    static UploadOutcome imported(String logId) {
        return new UploadOutcome(logId, null, new Object[0]);
    }

    static UploadOutcome refused(String errorKey, Object... args) {
        return new UploadOutcome(null, errorKey, args);
    }

    boolean refused() {
        return logId == null;
    }
}
