package io.clearflow.delivery.submission;

/** The entry criteria refused a submission: answered 422 with the gate and every rule. */
public class GateRefusedException extends RuntimeException {

    private final transient GateView gate;

    public GateRefusedException(GateView gate) {
        super("delivery.submission.error.entryFailed");
        this.gate = gate;
    }

    public GateView gate() {
        return gate;
    }
}
