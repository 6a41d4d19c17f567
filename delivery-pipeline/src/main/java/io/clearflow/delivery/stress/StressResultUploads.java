package io.clearflow.delivery.stress;

import static io.clearflow.delivery.stress.StressInput.invalid;

import io.clearflow.delivery.stress.results.LoadResultReader;
import io.clearflow.delivery.stress.results.LoadSummary;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A stress test's result files while it takes them (until the report goes to ops): reading a load tool's file into
 * figures, and marking a result's phase or its phase boundaries by hand.
 */
@Component
class StressResultUploads {

    private final StressSteps steps;
    private final StressResultRepository results;
    private final Versions versions;
    private final Clock clock;
    private final LoadResultReader reader = new LoadResultReader();

    StressResultUploads(StressSteps steps, StressResultRepository results, Versions versions, Clock clock) {
        this.steps = steps;
        this.results = results;
        this.versions = versions;
        this.clock = clock;
    }

    /** Reads the file streaming; the phase is the one given, else the one the run's length suggests. */
    StressResult upload(Member infra, long id, String fileName, InputStream content, String phase) {
        StressTest test = takingResults(id);
        Optional<Phase> given = Phase.parse(phase);
        if (phase != null && !phase.isBlank() && given.isEmpty()) {
            throw invalid("phase", "delivery.stress.error.phase");
        }
        LoadSummary summary = reader.read(content);
        Phase marked = given.orElseGet(() -> Phase.fromDuration(summary.durationSeconds()));
        String name = fileName == null || fileName.isBlank() ? "results" : fileName.strip();
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        long resultId = results.insert(id, name, marked, summary, infra.userId(), clock.instant());
        versions.record(test.versionId(), "stress.results", infra.userId(), test.key() + " " + name + " ("
                + summary.samples() + ")", StressTestService.link(id));
        return result(id, resultId);
    }

    StressResult phase(long id, long resultId, String phase) {
        takingResults(id);
        Phase p = Phase.parse(phase).orElseThrow(() -> invalid("phase", "delivery.stress.error.phase"));
        if (!results.phase(id, resultId, p)) {
            throw new NotFoundException("stress result", String.valueOf(resultId));
        }
        return result(id, resultId);
    }

    /** Minutes from the run's start, ascending, inside the run, at most 20; null goes back to the detected ones. */
    StressResult phaseBounds(long id, long resultId, List<Double> minutes) {
        takingResults(id);
        StressResult result = results.of(id).stream().filter(r -> r.id() == resultId).findFirst()
                .orElseThrow(() -> new NotFoundException("stress result", String.valueOf(resultId)));
        if (result.timeline().isEmpty() || result.firstStartMs() == null) {
            throw invalid("boundsMinutes", "delivery.stress.error.noTimeline");
        }
        long[] bounds = null;
        if (minutes != null) {
            long start = result.timeline().get(0).startMs();
            long end = result.timeline().get(result.timeline().size() - 1).startMs() + result.bucketSeconds() * 1000L;
            try {
                bounds = PhaseSplit.fromMinutes(minutes, start, end);
            } catch (IllegalArgumentException e) {
                throw invalid("boundsMinutes", "delivery.stress.error.bounds");
            }
        }
        results.phaseBounds(id, resultId, bounds);
        return result(id, resultId);
    }

    private StressTest takingResults(long id) {
        StressTest test = steps.test(id);
        if (!test.state().takesResults()) {
            throw new ConflictException("delivery.stress.error.notNow", test.key(), test.state());
        }
        return test;
    }

    private StressResult result(long id, long resultId) {
        return results.of(id).stream().filter(r -> r.id() == resultId).findFirst().orElseThrow();
    }
}
