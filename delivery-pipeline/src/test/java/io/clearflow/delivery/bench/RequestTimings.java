package io.clearflow.delivery.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** How the delivery benchmarks time one request: 30 warm-up calls, then p50/p95/max over the measured ones. */
final class RequestTimings {

    interface Call {
        void run() throws Exception;
    }

    private RequestTimings() {
    }

    static void print(String what, int requests, Call call) throws Exception {
        for (int i = 0; i < 30; i++) {
            call.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "BENCH %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)%n", what,
                ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), ms.get(ms.size() - 1), ms.size());
    }
}
