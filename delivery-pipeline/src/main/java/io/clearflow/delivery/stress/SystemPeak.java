package io.clearflow.delivery.stress;

/**
 * A system's production peaks and the thresholds its stress tests are judged by.
 *
 * @param peakTps             historical production peak, transactions per second
 * @param peakBandwidthMbps   last year's trading-hours peak bandwidth use
 * @param bandwidthMbps       the trading-hours bandwidth provisioned now
 * @param capacityFactor      required capacity ÷ peak (CSRC: 3)
 * @param bandwidthFactor     required bandwidth ÷ last year's peak (CSRC: 2)
 * @param maxErrorRate        highest error rate a stability run may have
 * @param regressionTolerance largest relative loss against the previous accepted report (0.1 = 10 %)
 */
public record SystemPeak(String system, double peakTps, double peakBandwidthMbps, double bandwidthMbps,
                         double capacityFactor, double bandwidthFactor, double maxErrorRate, double regressionTolerance) { }
