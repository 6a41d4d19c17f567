package io.clearflow.engine.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the platform's time per instance goes, by part. Time is charged exclusively: while a part
 * runs inside another (the event-log listener inside an engine call, a commit inside a service
 * call), the outer part's clock stops, so the parts add up to the instance's wall time.
 *
 * <p>Only the benchmark thread is counted ({@link #measure}); the platform's schedulers run on
 * other threads and are not part of an instance.
 */
final class Breakdown {

    /** The parts the issue asks for, in the order they are printed. */
    enum Part {
        ENGINE("engine (Flowable calls)"),
        COMMIT("transactions and commits"),
        EVENT_LOG("event log rows"),
        METRICS("metrics"),
        ACCESS("authorisation, visibility, inbox"),
        BUSINESS("business data"),
        OTHER("other (benchmark driver)");

        final String label;

        Part(String label) {
            this.label = label;
        }
    }

    private final Map<Part, Long> nanos = new EnumMap<>(Part.class);
    private final Map<String, long[]> operations = new java.util.TreeMap<>();
    private final ThreadLocal<Deque<Part>> stack = new ThreadLocal<>();
    private long last;
    private int instances;

    /** Runs one instance with the clock on; {@code action} is charged to OTHER unless a part takes over. */
    void measure(Runnable action) {
        Deque<Part> parts = new ArrayDeque<>();
        parts.push(Part.OTHER);
        stack.set(parts);
        last = System.nanoTime();
        try {
            action.run();
        } finally {
            charge(parts.peek());
            stack.remove();
            instances++;
        }
    }

    /** Runs {@code action} as {@code part}; outside {@link #measure} it just runs. */
    Object in(Part part, Call action) throws Throwable {
        Deque<Part> parts = stack.get();
        if (parts == null) {
            return action.call();
        }
        charge(parts.peek());
        parts.push(part);
        try {
            return action.call();
        } finally {
            charge(parts.pop());
        }
    }

    interface Call {
        Object call() throws Throwable;
    }

    private void charge(Part part) {
        long now = System.nanoTime();
        nanos.merge(part, now - last, Long::sum);
        last = now;
    }

    /** Also keeps {@code operation}'s inclusive time and calls, for {@link #operations()}. */
    Object operation(String operation, Part part, Call action) throws Throwable {
        if (stack.get() == null) {
            return action.call();
        }
        long start = System.nanoTime();
        try {
            return in(part, action);
        } finally {
            long[] total = operations.computeIfAbsent(operation, k -> new long[2]);
            total[0] += System.nanoTime() - start;
            total[1]++;
        }
    }

    /** Milliseconds per instance and calls per instance of each operation, inclusive of what it called. */
    String operations() {
        StringBuilder text = new StringBuilder();
        operations.forEach((name, total) -> text.append(String.format(Locale.ROOT, "    %-44s %7.2f ms %5.1f calls%n",
                name, instances == 0 ? 0 : total[0] / 1e6 / instances, instances == 0 ? 0 : (double) total[1] / instances)));
        return text.toString();
    }

    void reset() {
        operations.clear();
        nanos.clear();
        instances = 0;
    }

    /** Milliseconds per instance of each part since the last {@link #reset}. */
    Map<Part, Double> perInstance() {
        Map<Part, Double> result = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            result.put(part, instances == 0 ? 0 : nanos.getOrDefault(part, 0L) / 1e6 / instances);
        }
        return result;
    }

    static String format(Map<Part, Double> millis) {
        StringBuilder text = new StringBuilder();
        double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        for (var e : millis.entrySet()) {
            text.append(String.format(Locale.ROOT, "    %-34s %7.2f ms  %5.1f%%%n", e.getKey().label, e.getValue(),
                    total == 0 ? 0 : 100 * e.getValue() / total));
        }
        return text.append(String.format(Locale.ROOT, "    %-34s %7.2f ms%n", "total per instance", total)).toString();
    }
}
