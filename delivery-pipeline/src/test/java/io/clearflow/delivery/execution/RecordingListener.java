package io.clearflow.delivery.execution;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records what an executor reports, for tests; {@link #await} waits for the outcomes. */
public class RecordingListener implements ExecutionListener {

    public record Outcome(boolean succeeded, String tail) {
    }

    public final Map<Long, List<String>> references = new ConcurrentHashMap<>();
    public final Map<Long, List<String>> outputs = new ConcurrentHashMap<>();
    public final Map<Long, List<String>> problems = new ConcurrentHashMap<>();
    public final Map<Long, List<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final CountDownLatch finished;
    /** Per deployment, the notification source the outcome was reported under ("null" when polled). */
    public final Map<Long, String> finishedPromptedBy = new ConcurrentHashMap<>();

    public RecordingListener(int expectedOutcomes) {
        this.finished = new CountDownLatch(expectedOutcomes);
    }

    @Override
    public void running(long deploymentId, String reference) {
        references.computeIfAbsent(deploymentId, id -> new CopyOnWriteArrayList<>()).add(reference);
    }

    @Override
    public void output(long deploymentId, String tail) {
        outputs.computeIfAbsent(deploymentId, id -> new CopyOnWriteArrayList<>()).add(tail);
    }

    @Override
    public void problem(long deploymentId, String message) {
        problems.computeIfAbsent(deploymentId, id -> new CopyOnWriteArrayList<>()).add(message);
    }

    @Override
    public void finished(long deploymentId, boolean succeeded, String outputTail) {
        finishedPromptedBy.put(deploymentId, String.valueOf(NotifiedExecution.source()));
        outcomes.computeIfAbsent(deploymentId, id -> new CopyOnWriteArrayList<>()).add(new Outcome(succeeded, outputTail));
        finished.countDown();
    }

    /** Waits for the expected outcomes; fails the test when they do not come in time. */
    public RecordingListener await(Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("outcomes missing after " + timeout + ": have " + outcomes + ", problems " + problems);
        }
        return this;
    }

    /** The only outcome of the deployment (fails when there is none or more than one). */
    public Outcome outcome(long deploymentId) {
        List<Outcome> list = outcomes.get(deploymentId);
        if (list == null || list.size() != 1) {
            throw new AssertionError("expected exactly one outcome of " + deploymentId + ", got " + list);
        }
        return list.get(0);
    }

    public String lastReference(long deploymentId) {
        List<String> list = references.get(deploymentId);
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }
}
