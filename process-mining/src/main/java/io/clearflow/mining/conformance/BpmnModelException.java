package io.clearflow.mining.conformance;

/** A BPMN model that cannot be read or turned into a Petri net; the message says why. */
public class BpmnModelException extends RuntimeException {
    public BpmnModelException(String message) {
        super(message);
    }

    public BpmnModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
