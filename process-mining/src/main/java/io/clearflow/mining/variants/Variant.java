package io.clearflow.mining.variants;

import java.util.List;

/** A distinct sequence of (complete) activities, the cases that follow it and their share of all cases. */
public record Variant(List<String> activities, long cases, double share) {
}
