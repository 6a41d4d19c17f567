package io.clearflow.testmetrics.plan;

/** A plan CSV over {@link PlanCsv#MAX_BYTES}: answered 413 with the limit in the reader's language. */
public class PlanImportTooLargeException extends RuntimeException {

    private final int limitMb;

    public PlanImportTooLargeException(int limitMb) {
        super("tm.plan.csv.tooLarge");
        this.limitMb = limitMb;
    }

    public int limitMb() {
        return limitMb;
    }
}
