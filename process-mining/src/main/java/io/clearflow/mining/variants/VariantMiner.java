package io.clearflow.mining.variants;

import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.EventLog;
import java.util.List;

/** Groups cases by their sequence of activities, with the same event selection as the DFG ({@link VariantAccumulator}). */
public final class VariantMiner {

    private VariantMiner() {
    }

    public static List<Variant> mine(EventLog log) {
        VariantAccumulator accumulator = new VariantAccumulator();
        CaseTrace trace = new CaseTrace();
        for (int c = 0; c < log.caseCount(); c++) {
            accumulator.add(log.trace(c, trace));
        }
        return accumulator.result(log);
    }
}
