package io.clearflow.mining.ingest;

import io.clearflow.engine.api.NotFoundException;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.store.MiningProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Named logs filled event by event from other systems (the Kafka ingestion). Each event is appended
 * to {@code ${clearflow.data-dir}/mining/ingest/<name>.csv} (XES column names, so the CSV importer
 * reads it back after a restart) and to an in-memory builder; analyses take a snapshot, rebuilt only
 * after new events. Their mining id is {@code ingest-<name>}.
 */
@Component
public class IngestedLogs {

    public static final String ID_PREFIX = "ingest-";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String HEADER = "case:concept:name,concept:name,time:timestamp,org:resource,org:group,"
            + "lifecycle:transition\n";

    private final Path directory;
    private final MiningProperties properties;
    private final Map<String, Named> logs = new HashMap<>();

    private static final class Named {
        EventLogBuilder builder;
        EventLog snapshot;
    }

    public IngestedLogs(@Value("${clearflow.data-dir}") Path dataDir, MiningProperties properties) {
        this.directory = dataDir.resolve("mining").resolve("ingest");
        this.properties = properties;
    }

    /** Log names are letters, digits, dot, dash and underscore (they name a file); others are turned into those. */
    public static String logName(String raw) {
        String name = raw == null ? "" : raw.replaceAll("^[a-z]+://", "").replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.replaceAll("^[._]+", "");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    public synchronized void append(String name, String caseId, String activity, long timestamp, String resource,
                                    String group, String lifecycle) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("log name must match " + NAME + ": " + name);
        }
        Named log = load(name, true);
        if (log.builder.size() >= properties.maxEvents()) {
            throw new IllegalStateException("log " + name + " is full (clearflow.mining.max-events)");
        }
        try {
            Path file = file(name);
            boolean fresh = !Files.exists(file);
            Files.createDirectories(directory);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                if (fresh) {
                    out.write(HEADER);
                }
                out.write(String.join(",", csv(caseId), csv(activity), Instant.ofEpochMilli(timestamp).toString(),
                        csv(resource), csv(group), csv(lifecycle)) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to ingested log " + name, e);
        }
        log.builder.add(caseId, activity, timestamp, resource, group, null, lifecycle, null);
        log.snapshot = null;
    }

    /** @throws NotFoundException for an unknown name */
    public synchronized EventLog get(String name) {
        Named log = NAME.matcher(name).matches() ? load(name, false) : null;
        if (log == null) {
            throw new NotFoundException("ingested event log", name);
        }
        if (log.snapshot == null) {
            log.snapshot = log.builder.build();
        }
        return log.snapshot;
    }

    /** Names of the ingested logs, in memory or on disk. */
    public synchronized List<String> names() {
        List<String> names = new ArrayList<>(logs.keySet());
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                        .map(n -> n.substring(0, n.length() - 4)).filter(n -> !names.contains(n)).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    private Named load(String name, boolean create) {
        Named log = logs.get(name);
        if (log != null) {
            return log;
        }
        Path file = file(name);
        if (!create && !Files.isRegularFile(file)) {
            return null;
        }
        log = new Named();
        log.builder = new EventLogBuilder(name);
        if (Files.isRegularFile(file)) {
            try {
                EventLog saved = LogImporter.importFile(file, null, new ImportOptions(true, properties.maxEvents()),
                        name + ".csv").log();
                for (int c = 0; c < saved.caseCount(); c++) {
                    for (int e = saved.caseStart(c); e < saved.caseEnd(c); e++) {
                        log.builder.add(saved.caseId(c), saved.activityName(saved.activity(e)), saved.timestamp(e),
                                saved.resourceName(saved.resource(e)), saved.groupName(saved.group(e)), null,
                                saved.lifecycleName(saved.lifecycle(e)), null);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ingested log " + name, e);
            }
        }
        logs.put(name, log);
        return log;
    }

    private Path file(String name) {
        return directory.resolve(name + ".csv");
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
