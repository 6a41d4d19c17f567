package io.clearflow.delivery.execution.runner;

/** A deployment step could not finish: the reason ends up as the outcome line of its log. */
final class StepFailed extends Exception {

    StepFailed(String reason) {
        super(reason);
    }
}
