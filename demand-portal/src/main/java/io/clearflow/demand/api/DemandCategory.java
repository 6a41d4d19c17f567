package io.clearflow.demand.api;

/** What a demand is about; some categories always need compliance review (configuration). */
public enum DemandCategory {
    FEATURE, REPORT, REGULATORY, CUSTOMER_DATA, DATA_FIX, INFRASTRUCTURE
}
