package io.clearflow.mining.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clearflow.mining.bottleneck.BottleneckAnalyzer;
import io.clearflow.mining.csv.ColumnMapping;
import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.discovery.DiscoveryService;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.ImportResult;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.stream.StreamingMiner;
import io.clearflow.mining.variants.VariantMiner;
import io.clearflow.mining.xes.XesExporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Batch use without Spring: imports a file and prints the same JSON as the REST API.
 *
 * <pre>
 * MiningCli summary|dfg|variants|metrics|bottlenecks|export|discover FILE [--skip-invalid] [--sla=P7D]
 *           [--case=COL] [--activity=COL] [--timestamp=COL] [--resource=COL] [--group=COL] [--role=COL]
 *           [--lifecycle=COL] [--instance=COL] [--max-events=N]
 * </pre>
 * {@code --stream} mines summary/dfg/variants/metrics of an XES(.gz) file case by case without holding it.
 * {@code export} writes XES; {@code discover} writes BPMN 2.0 ({@code --noise=0.2},
 * {@code --candidate-group=role-process-owner}). Exit status 2 for usage errors, 1 for a file that is not a valid log.
 */
public final class MiningCli {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false); // standard output must stay open

    private static final String USAGE = "usage: MiningCli summary|dfg|variants|metrics|bottlenecks|export|discover FILE "
            + "[--stream (summary|dfg|variants|metrics of XES, not held in memory)] [--skip-invalid] [--sla=P7D] [--noise=0.2] [--candidate-group=G] [--max-events=N] [--case=COL --activity=COL --timestamp=COL --resource=COL "
            + "--group=COL --role=COL --lifecycle=COL --instance=COL]";

    private MiningCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * {@code --stream}: mines an XES(.gz) file case by case without holding the log (no event limit,
     * memory bounded by the answers), for logs too large to import; same JSON as without it.
     */
    private static int stream(String analysis, Path file, Map<String, String> options, PrintStream out, PrintStream err)
            throws IOException {
        if (!java.util.Set.of("summary", "dfg", "variants", "metrics").contains(analysis)) {
            throw new IllegalArgumentException("--stream supports summary, dfg, variants and metrics\n" + USAGE);
        }
        StreamingMiner.Result result = StreamingMiner.mine(file, options.containsKey("skip-invalid"));
        if (result.skippedEvents() > 0) {
            err.println("skipped " + result.skippedEvents() + " invalid events");
        }
        Object answer = switch (analysis) {
            case "summary" -> result.summary();
            case "dfg" -> result.dfg();
            case "variants" -> result.variants();
            default -> result.metrics();
        };
        JSON.writeValue(out, answer);
        out.println();
        out.flush();
        return 0;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                err.println("unexpected argument " + arg + "\n" + USAGE);
                return 2;
            }
            int eq = arg.indexOf('=');
            options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        Path file = Path.of(args[1]);
        if (!Files.isRegularFile(file)) {
            err.println("no such file: " + file);
            return 2;
        }
        try {
            if (options.containsKey("stream")) {
                return stream(args[0], file, options, out, err);
            }
            var mapping = new ColumnMapping(options.get("case"), options.get("activity"), options.get("timestamp"),
                    options.get("resource"), options.get("group"), options.get("role"), options.get("lifecycle"),
                    options.get("instance"));
            var importOptions = new ImportOptions(options.containsKey("skip-invalid"),
                    Integer.parseInt(options.getOrDefault("max-events", String.valueOf(ImportOptions.DEFAULT_MAX_EVENTS))));
            ImportResult result = LogImporter.importFile(file, mapping, importOptions);
            if (result.skippedEvents() > 0) {
                err.println("skipped " + result.skippedEvents() + " invalid events");
            }
            EventLog log = result.log();
            Duration sla = Duration.parse(options.getOrDefault("sla", "P7D"));
            Object answer = switch (args[0]) {
                case "summary" -> LogSummary.of(log);
                case "dfg" -> DfgMiner.mine(log);
                case "variants" -> VariantMiner.mine(log);
                case "metrics" -> MetricsCalculator.compute(log);
                case "bottlenecks" -> BottleneckAnalyzer.analyze(log, sla);
                case "export" -> null;
                case "discover" -> {
                    out.writeBytes(DiscoveryService.discoverBpmn(log, Double.parseDouble(options.getOrDefault("noise", "0.2")),
                            file.getFileName().toString(), options.getOrDefault("candidate-group", "role-process-owner")));
                    out.println();
                    out.flush();
                    yield Boolean.TRUE;
                }
                default -> throw new IllegalArgumentException("unknown analysis " + args[0] + "\n" + USAGE);
            };
            if (answer == Boolean.TRUE) {
                return 0;
            } else if (answer == null) {
                XesExporter.write(log, out);
            } else {
                JSON.writeValue(out, answer);
            }
            out.println();
            out.flush();
            return 0;
        } catch (LogFormatException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException | javax.xml.stream.XMLStreamException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        }
    }
}
