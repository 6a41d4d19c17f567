package io.clearflow.delivery.stress;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/**
 * Moves a stress test along its flow: finds the test, completes its open engine step through {@link WorkService} (so
 * the acting user and the event log apply) and moves its row, refusing when someone else moved it first.
 */
@Component
class StressSteps {

    private final StressTestRepository tests;
    private final WorkService work;
    private final TaskService engineTasks;
    private final Clock clock;

    StressSteps(StressTestRepository tests, WorkService work, TaskService engineTasks, Clock clock) {
        this.tests = tests;
        this.work = work;
        this.engineTasks = engineTasks;
        this.clock = clock;
    }

    StressTest test(long id) {
        return tests.find(id).orElseThrow(() -> new NotFoundException("stress test", String.valueOf(id)));
    }

    /** Completes the test's open engine step {@code stepId}, if the test is in {@code state}. */
    void complete(Member member, StressTest test, StressState state, String stepId, Map<String, Object> variables,
                  String comment) {
        if (test.state() != state) {
            throw new ConflictException("delivery.stress.error.notNow", test.key(), test.state());
        }
        Task task = engineTasks.createTaskQuery().processInstanceId(test.caseId()).taskDefinitionKey(stepId)
                .singleResult();
        if (task == null) {
            throw new ConflictException("delivery.stress.error.notNow", test.key(), test.state());
        }
        work.complete(member, task.getId(), variables, comment);
    }

    /** One of the repository's moves of the test's row, at the instant given. */
    @FunctionalInterface
    interface Move {
        boolean at(Instant now);
    }

    /** Makes the move now, refusing when someone else moved the test first. */
    void move(StressTest test, Move move) {
        if (!move.at(clock.instant())) {
            throw new ConflictException("delivery.stress.error.changed", test.key());
        }
    }
}
