package io.clearflow.mining.stream;

import io.clearflow.mining.dfg.Dfg;
import io.clearflow.mining.dfg.DfgAccumulator;
import io.clearflow.mining.log.CaseStream;
import io.clearflow.mining.log.FilteringSink;
import io.clearflow.mining.log.LogFilter;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.metrics.MetricsAccumulator;
import io.clearflow.mining.metrics.MetricsReport;
import io.clearflow.mining.variants.Variant;
import io.clearflow.mining.variants.VariantAccumulator;
import io.clearflow.mining.xes.XesReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Mines an XES or XES.gz file without holding the log: XES traces are contiguous, so the reader hands
 * over one case at a time ({@link CaseStream}) and the same accumulators as the in-memory analyses
 * ({@link DfgAccumulator}, {@link VariantAccumulator}, {@link MetricsAccumulator}) take it in. The
 * results equal those of the in-memory path on the same file (StreamingMinerTest), as long as no case
 * id occurs in two separate traces (the in-memory log merges those; here they are two cases).
 * Memory is bounded by what the answers need (per-edge and per-activity-month durations for the exact
 * medians, counters), not by the number of events; there is no event limit.
 */
public final class StreamingMiner {

    /** What a streaming pass computes. */
    public record Result(LogSummary summary, Dfg dfg, List<Variant> variants, MetricsReport metrics, int skippedEvents) {
    }

    private StreamingMiner() {
    }

    public static Result mine(Path file, boolean skipInvalid) throws IOException {
        return mine(file, skipInvalid, LogFilter.none());
    }

    /** Only the cases the filter keeps are mined; the others are dropped as they are read. */
    public static Result mine(Path file, boolean skipInvalid, LogFilter filter) throws IOException {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new LogFormatException("streaming reads XES and XES.gz only (a CSV may interleave its cases)");
        }
        DfgAccumulator dfg = new DfgAccumulator();
        VariantAccumulator variants = new VariantAccumulator();
        MetricsAccumulator metrics = new MetricsAccumulator();
        CaseStream stream = new CaseStream(trace -> {
            dfg.add(trace);
            variants.add(trace);
            metrics.add(trace);
        });
        int skipped;
        try (InputStream in = Files.newInputStream(file)) {
            if (filter == null || filter.isEmpty()) {
                skipped = XesReader.read(in, new ImportOptions(skipInvalid, Integer.MAX_VALUE), stream);
            } else {
                FilteringSink filtering = new FilteringSink(filter, stream, Integer.MAX_VALUE);
                skipped = XesReader.read(in, new ImportOptions(skipInvalid, Integer.MAX_VALUE), filtering);
                filtering.endCase();
            }
        }
        stream.endCase();
        return new Result(stream.summary(name), dfg.result(stream), variants.result(stream), metrics.result(stream),
                skipped);
    }
}
