package io.clearflow.testmetrics.api;

import java.math.BigDecimal;

/** How a rule compares the actual value with its threshold. */
public enum GateOperator {
    GT(">"), GE("≥"), EQ("="), LE("≤"), LT("<");

    private final String symbol;

    GateOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(BigDecimal actual, BigDecimal threshold) {
        int c = actual.compareTo(threshold);
        return switch (this) {
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
            case LE -> c <= 0;
            case LT -> c < 0;
        };
    }
}
