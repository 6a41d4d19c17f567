package io.clearflow.delivery.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's three ways to recommend a reviewer for a module. Rule-based: the reviewers who own the module as
 * their area. History-based: each past review of the module counts {@code 0.5^(age / half-life)}, so both how
 * often and how recently matter (half-life 90 days). Association-based: reviewers whose areas lie near the
 * module in the function network (module and areas are node names), scored {@code 1 / distance}.
 */
final class ReviewerRecommendation {

    static final Duration HALF_LIFE = Duration.ofDays(90);

    record Scored(String userId, double score, String detail) {
    }

    private ReviewerRecommendation() {
    }

    static List<Scored> rule(String module, List<ReviewerRepository.Reviewer> reviewers) {
        return reviewers.stream().filter(r -> r.area().equals(module)).map(r -> new Scored(r.userId(), 1.0, r.area())).toList();
    }

    static List<Scored> history(List<ReviewRepository.Review> reviews, Instant now) {
        Map<String, double[]> byReviewer = new LinkedHashMap<>();
        for (var review : reviews) {
            double age = Math.max(0, Duration.between(review.at(), now).toMillis()) / (double) HALF_LIFE.toMillis();
            double[] acc = byReviewer.computeIfAbsent(review.reviewer(), r -> new double[2]);
            acc[0] += Math.pow(0.5, age);
            acc[1]++;
        }
        List<Scored> scored = new ArrayList<>();
        byReviewer.forEach((user, acc) -> scored.add(new Scored(user, acc[0], String.valueOf((long) acc[1]))));
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::userId));
        return scored;
    }

    static List<Scored> association(String module, List<ReviewerRepository.Reviewer> reviewers, FunctionNetwork network) {
        Map<String, Scored> best = new HashMap<>();
        for (var r : reviewers) {
            if (r.area().equals(module)) {
                continue;
            }
            int d = network.distance(module, r.area());
            if (d > 0) {
                Scored s = new Scored(r.userId(), 1.0 / d, r.area());
                best.merge(r.userId(), s, (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        List<Scored> scored = new ArrayList<>(best.values());
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::userId));
        return scored;
    }
}
