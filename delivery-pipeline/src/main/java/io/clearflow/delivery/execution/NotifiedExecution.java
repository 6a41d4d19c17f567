package io.clearflow.delivery.execution;

/**
 * Marks the work an executor does because an outside system notified it (a signed Jenkins build notification),
 * which runs on the executor's own threads after the notification's request has ended; listeners that record
 * where an action came from read it there ({@code ActionOrigin}).
 */
public final class NotifiedExecution {

    private static final ThreadLocal<String> SOURCE = new ThreadLocal<>();

    private NotifiedExecution() {
    }

    /** Runs the work as prompted by {@code source} (e.g. {@code jenkins}). */
    public static void run(String source, Runnable work) {
        String before = SOURCE.get();
        SOURCE.set(source);
        try {
            work.run();
        } finally {
            if (before == null) {
                SOURCE.remove();
            } else {
                SOURCE.set(before);
            }
        }
    }

    /** The source whose notification the current thread is acting on, or null. */
    public static String source() {
        return SOURCE.get();
    }
}
