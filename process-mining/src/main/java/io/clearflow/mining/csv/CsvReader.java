package io.clearflow.mining.csv;

import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.ImportResult;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an event log from CSV (RFC 4180: quoted fields may hold delimiters, quotes and line breaks;
 * comma or semicolon delimited, told by the header) through a {@link ColumnMapping}. Rows may come
 * in any order; the log sorts each case by timestamp.
 */
public final class CsvReader {

    private CsvReader() {
    }

    /**
     * @param explicit the caller's mapping, or {@code null}; blanks fall back to the XES-style defaults.
     *                 A column named explicitly must exist; an optional default column may be absent.
     */
    public static ImportResult read(InputStream input, String name, ColumnMapping explicit, ImportOptions options)
            throws IOException {
        ColumnMapping mapping = ColumnMapping.xesDefaults().overriding(explicit);
        ColumnMapping given = explicit == null ? new ColumnMapping(null, null, null, null, null, null, null, null) : explicit;
        Records records = new Records(new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16));
        List<String> header = records.next();
        if (header == null) {
            throw new LogFormatException("empty CSV: no header line", "mining.format.csvEmpty");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        int caseColumn = column(header, mapping.caseId(), true, "case");
        int activityColumn = column(header, mapping.activity(), true, "activity");
        int timeColumn = column(header, mapping.timestamp(), true, "timestamp");
        int resourceColumn = column(header, mapping.resource(), given.resource() != null, "resource");
        int groupColumn = column(header, mapping.group(), given.group() != null, "group");
        int roleColumn = column(header, mapping.role(), given.role() != null, "role");
        int lifecycleColumn = column(header, mapping.lifecycle(), given.lifecycle() != null, "lifecycle");
        int instanceColumn = column(header, mapping.instance(), given.instance() != null, "instance");

        EventLogBuilder builder = new EventLogBuilder(name);
        int skipped = 0;
        List<String> row;
        while ((row = records.next()) != null) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String caseId = field(row, caseColumn);
            String activity = field(row, activityColumn);
            String problem = null;
            long time = 0;
            if (caseId == null || activity == null) {
                problem = "has no " + (caseId == null ? "case (" + mapping.caseId() : "activity (" + mapping.activity()) + ")";
            } else {
                try {
                    time = Timestamps.parse(field(row, timeColumn));
                } catch (IllegalArgumentException e) {
                    problem = "has an " + e.getMessage() + " in column " + mapping.timestamp();
                }
            }
            if (problem != null) {
                if (!options.skipInvalid()) {
                    throw new LogFormatException("CSV row at line " + records.recordLine + " " + problem
                            + " (import with skipInvalid to skip such rows)", "mining.format.badRow", records.recordLine);
                }
                skipped++;
                continue;
            }
            builder.add(caseId, activity, time, field(row, resourceColumn), field(row, groupColumn),
                    field(row, roleColumn), field(row, lifecycleColumn), field(row, instanceColumn));
            if (builder.size() > options.maxEvents()) {
                throw new LogFormatException("log has more than " + options.maxEvents() + " events (the configured limit)",
                        "mining.format.tooManyEvents", options.maxEvents());
            }
        }
        return new ImportResult(builder.build(), skipped);
    }

    private static int column(List<String> header, String name, boolean required, String role) {
        int index = header.indexOf(name);
        if (index < 0 && required) {
            throw new LogFormatException("CSV has no column '" + name + "' for the " + role + " (columns: "
                    + String.join(", ", header) + ")", "mining.format.csvColumn", name);
        }
        return index;
    }

    private static String field(List<String> row, int column) {
        if (column < 0 || column >= row.size()) {
            return null;
        }
        String value = row.get(column);
        return value.isEmpty() ? null : value;
    }

    /** Splits the input into records; remembers the delimiter from the header. */
    private static final class Records {
        private final BufferedReader reader;
        private char delimiter;
        private int line;
        private int recordLine;

        Records(BufferedReader reader) {
            this.reader = reader;
        }

        List<String> next() throws IOException {
            String text = reader.readLine();
            if (text == null) {
                return null;
            }
            line++;
            recordLine = line;
            if (delimiter == 0) {
                delimiter = text.indexOf(',') < 0 && text.indexOf(';') >= 0 ? ';' : ',';
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (!quoted) {
                        break;
                    }
                    text = reader.readLine(); // a line break inside quotes belongs to the field
                    if (text == null) {
                        throw new LogFormatException("CSV record at line " + recordLine + " has an unclosed quote",
                                "mining.format.csvQuote", recordLine);
                    }
                    line++;
                    field.append('\n');
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
