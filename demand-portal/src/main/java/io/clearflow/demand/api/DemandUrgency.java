package io.clearflow.demand.api;

public enum DemandUrgency {
    LOW, NORMAL, HIGH, CRITICAL
}
