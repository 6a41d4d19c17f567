package io.clearflow.mining.dfg;

import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.EventLog;

/**
 * Computes the DFG with the definition of issue 5, so results compare with pm4py and Disco: within
 * each case the events in timestamp order (ties in log order); with lifecycle transitions in the log
 * only complete events (and events without a transition) count. The work is {@link DfgAccumulator}'s,
 * which the streaming path shares.
 */
public final class DfgMiner {

    private DfgMiner() {
    }

    public static Dfg mine(EventLog log) {
        DfgAccumulator accumulator = new DfgAccumulator();
        CaseTrace trace = new CaseTrace();
        for (int c = 0; c < log.caseCount(); c++) {
            accumulator.add(log.trace(c, trace));
        }
        return accumulator.result(log);
    }
}
