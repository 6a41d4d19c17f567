package io.clearflow.delivery.audit;

/**
 * A static-analysis result of an audit with its disposition: {@code suppression} is the scanner's own accepted
 * suppression, {@code filterReason}/{@code filterAuthor} a rule filter of the system that covers it. Open means
 * neither; blocking means open at level {@code error}.
 */
record Finding(long id, String tool, String ruleId, String level, String message, String path, Integer startLine,
               String fingerprint, String suppression, String filterReason, String filterAuthor) {

    public boolean open() {
        return suppression == null && filterReason == null;
    }

    public boolean blocking() {
        return open() && "error".equals(level);
    }
}
