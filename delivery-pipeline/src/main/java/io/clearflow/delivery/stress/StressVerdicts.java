package io.clearflow.delivery.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A stress test's verdict and what it is judged against: live on the results until the report fixes it (kept as
 * JSON with the report), and the detail that shows it beside the system's previous accepted test.
 */
@Component
class StressVerdicts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StressTestRepository tests;
    private final StressTaskRepository tasks;
    private final StressResultRepository results;
    private final SystemPeakRepository peaks;

    StressVerdicts(StressTestRepository tests, StressTaskRepository tasks, StressResultRepository results,
                   SystemPeakRepository peaks) {
        this.tests = tests;
        this.tasks = tasks;
        this.results = results;
        this.peaks = peaks;
    }

    StressTestService.Detail detail(StressTest test) {
        long id = test.id();
        Optional<StressTest> previous = tests.previousAccepted(test.system(), id);
        List<StressResult> previousResults = previous.map(p -> results.of(p.id())).orElse(List.of());
        StressVerdict.Verdict verdict = test.verdictJson() != null ? stored(test.verdictJson()) : live(test);
        return new StressTestService.Detail(test, tasks.of(id), results.of(id), verdict, peaks.find(test.system()),
                previous, previousResults);
    }

    /** The verdict on the results as they are now (until the report fixes it). */
    StressVerdict.Verdict live(StressTest test) {
        List<StressResult> previous = tests.previousAccepted(test.system(), test.id())
                .map(p -> results.of(p.id())).orElse(List.of());
        return StressVerdict.judge(peaks.find(test.system()), results.of(test.id()), previous);
    }

    static String json(StressVerdict.Verdict verdict) {
        try {
            return JSON.writeValueAsString(verdict);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StressVerdict.Verdict stored(String json) {
        try {
            return JSON.readValue(json, StressVerdict.Verdict.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored verdict unreadable", e);
        }
    }
}
