package io.clearflow.delivery.stress;

import org.springframework.web.multipart.MultipartFile;

/**
 * The workload page's form as typed, so a refused form comes back filled in (the multiple is 3 unless given);
 * {@link WorkloadFormValidator} holds its rules.
 */
@WorkloadFormValidator.Rules
record WorkloadForm(MultipartFile file, String peakTps, String multiple) {

    static final double MAX_PEAK_TPS = 1e9;
    static final double MAX_MULTIPLE = 100;

    WorkloadForm {
        peakTps = peakTps == null ? "" : peakTps;
        multiple = multiple == null || multiple.isBlank() ? "3" : multiple;
    }

    /** The peak calls per second, or null when it is not a number in [0, {@link #MAX_PEAK_TPS}]. */
    Double peak() {
        return number(peakTps, MAX_PEAK_TPS);
    }

    /** The target multiple of the peak, or null when it is not a number in [0, {@link #MAX_MULTIPLE}]. */
    Double factor() {
        return number(multiple, MAX_MULTIPLE);
    }

    private static Double number(String raw, double max) {
        try {
            double v = Double.parseDouble(raw.strip());
            return Double.isFinite(v) && v >= 0 && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
