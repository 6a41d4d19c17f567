package io.clearflow.mining.conformance;

/**
 * A BPMN model that cannot be read or turned into a Petri net; the message says why in English (API,
 * logs), {@link #reasonKey()} with {@link #reasonArgs()} says it to a person through the bundles
 * ({@code mining.model.*}).
 */
public class BpmnModelException extends RuntimeException {

    private final String reasonKey;
    private final transient Object[] reasonArgs;

    public BpmnModelException(String message) {
        this(message, "mining.model.other");
    }

    public BpmnModelException(String message, String reasonKey, Object... reasonArgs) {
        super(message);
        this.reasonKey = reasonKey;
        this.reasonArgs = reasonArgs.clone();
    }

    public BpmnModelException(String message, Throwable cause) {
        super(message, cause);
        this.reasonKey = "mining.model.notXml";
        this.reasonArgs = new Object[0];
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Object[] reasonArgs() {
        return reasonArgs.clone();
    }
}
