package io.clearflow.delivery.stress;

import java.util.Locale;
import java.util.Optional;

/** The execution phases of seed (c): baseline ≈ 20 min, peak-seeking 5–10 min, stability ≥ 2 h at fixed load. */
public enum Phase {
    BASELINE, PEAK, STABILITY, OTHER;

    /** Stability needs at least this long a run. */
    public static final double STABILITY_SECONDS = 2 * 3600;

    /**
     * The phase a run's length suggests, when the uploader did not say: ≥ 2 h stability, 4–12 min peak-seeking,
     * 15–30 min baseline (some slack around the seed's figures for ramp-up and ramp-down), anything else other.
     */
    public static Phase fromDuration(Double seconds) {
        if (seconds == null) {
            return OTHER;
        }
        if (seconds >= STABILITY_SECONDS) {
            return STABILITY;
        }
        if (seconds >= 4 * 60 && seconds <= 12 * 60) {
            return PEAK;
        }
        if (seconds >= 15 * 60 && seconds <= 30 * 60) {
            return BASELINE;
        }
        return OTHER;
    }

    public static Optional<Phase> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
