package io.clearflow.mining.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.mining.csv.ColumnMapping;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.ImportResult;
import io.clearflow.mining.log.LogFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Imported logs: the uploaded file and its import settings are saved under
 * {@code ${clearflow.data-dir}/mining/} so logs survive restarts; the parsed logs are cached in memory
 * within {@link MiningProperties#maxLogs()} and {@link MiningProperties#maxEvents()}, least recently
 * used dropped first, and re-imported from their file when asked for again.
 */
@Component
public class LogStore {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What is saved next to an uploaded file, to re-import it the same way. */
    record Settings(String fileName, ColumnMapping mapping, boolean skipInvalid, Instant importedAt, String objectType,
                    LogFilter filter) {
    }

    public record StoredLog(String id, EventLog log, int skippedEvents) {
    }

    private final Path directory;
    private final MiningProperties properties;
    private final ObjectMapper json;
    private final Map<String, StoredLog> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedEvents;

    public LogStore(@Value("${clearflow.data-dir}") Path dataDir, MiningProperties properties, ObjectMapper json) {
        this.directory = dataDir.resolve("mining");
        this.properties = properties;
        this.json = json;
    }

    /** Imports an upload; on any failure nothing is kept. */
    public StoredLog importLog(String fileName, InputStream content, ColumnMapping mapping, boolean skipInvalid)
            throws IOException {
        return importLog(fileName, content, mapping, skipInvalid, null);
    }

    /** @param objectType for an OCEL log, the object type to flatten it on (kept for re-imports) */
    public StoredLog importLog(String fileName, InputStream content, ColumnMapping mapping, boolean skipInvalid,
                               String objectType) throws IOException {
        return importLog(fileName, content, mapping, skipInvalid, objectType, null);
    }

    /**
     * @param filter only the cases it keeps are imported (an XES log is filtered while read, so a log larger than
     *               the event limit can be sliced); kept with the settings, so a re-import gives the same slice
     */
    public StoredLog importLog(String fileName, InputStream content, ColumnMapping mapping, boolean skipInvalid,
                               String objectType, LogFilter filter) throws IOException {
        LogFilter slice = filter == null || filter.isEmpty() ? null : filter;
        Files.createDirectories(directory);
        String id = UUID.randomUUID().toString();
        Path upload = directory.resolve(id + ".upload");
        try {
            Files.copy(content, upload);
            ImportResult result = LogImporter.importFile(upload, mapping,
                    options(skipInvalid).withObjectType(objectType).withFilter(slice), fileName);
            Files.move(upload, data(id), StandardCopyOption.ATOMIC_MOVE);
            try {
                json.writeValue(settings(id).toFile(), new Settings(fileName, mapping, skipInvalid, Instant.now(),
                        objectType, slice));
            } catch (IOException | RuntimeException e) {
                // a log without its settings cannot be re-imported: keep neither (the disk filled up just now)
                Files.deleteIfExists(data(id));
                Files.deleteIfExists(settings(id));
                throw e;
            }
            StoredLog stored = new StoredLog(id, result.log(), result.skippedEvents());
            remember(stored);
            return stored;
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /** What the list of imported logs shows. */
    public record Entry(String id, String fileName, Instant importedAt) {
    }

    /** The imported logs, newest first (from their saved settings; nothing is parsed). */
    public List<Entry> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".json") || !ID.matcher(name.substring(0, name.length() - 5)).matches()) {
                    continue;
                }
                Settings saved = json.readValue(file.toFile(), Settings.class);
                entries.add(new Entry(name.substring(0, name.length() - 5), saved.fileName(), saved.importedAt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list imported logs", e);
        }
        entries.sort(Comparator.comparing(Entry::importedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries;
    }

    public StoredLog get(String id) {
        synchronized (this) {
            StoredLog cached = cache.get(id);
            if (cached != null) {
                return cached;
            }
        }
        if (!ID.matcher(id).matches() || !Files.isRegularFile(settings(id))) {
            throw new NotFoundException("event log", id);
        }
        try {
            Settings saved = json.readValue(settings(id).toFile(), Settings.class);
            ImportResult result = LogImporter.importFile(data(id), saved.mapping(),
                    options(saved.skipInvalid()).withObjectType(saved.objectType()).withFilter(saved.filter()),
                    saved.fileName());
            StoredLog stored = new StoredLog(id, result.log(), result.skippedEvents());
            remember(stored);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-import event log " + id, e);
        }
    }

    private synchronized void remember(StoredLog stored) {
        StoredLog previous = cache.put(stored.id(), stored);
        cachedEvents += stored.log().eventCount() - (previous == null ? 0 : previous.log().eventCount());
        Iterator<StoredLog> oldestFirst = cache.values().iterator();
        while (cache.size() > 1 && (cache.size() > properties.maxLogs() || cachedEvents > properties.maxEvents())) {
            StoredLog evicted = oldestFirst.next();
            cachedEvents -= evicted.log().eventCount();
            oldestFirst.remove();
        }
    }

    synchronized boolean isCached(String id) {
        return cache.containsKey(id);
    }

    private ImportOptions options(boolean skipInvalid) {
        return new ImportOptions(skipInvalid, properties.maxEvents());
    }

    private Path data(String id) {
        return directory.resolve(id + ".data");
    }

    private Path settings(String id) {
        return directory.resolve(id + ".json");
    }
}
