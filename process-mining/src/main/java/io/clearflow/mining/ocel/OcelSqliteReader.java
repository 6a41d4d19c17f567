package io.clearflow.mining.ocel;

import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Reads an OCEL 2.0 log in the standard's SQLite encoding: tables {@code event} and {@code object} (ocel_id,
 * ocel_type), {@code event_object} (ocel_event_id, ocel_object_id, ocel_qualifier), {@code event_map_type} (ocel_type,
 * ocel_type_map) naming each event type's table {@code event_<map>} (ocel_id, ocel_time, attributes). As for the
 * JSON and XML readers, object attributes ({@code object_<map>}) and object-to-object relations are not needed and not
 * read; a {@code resource}/{@code org:resource} event attribute is. The database is opened read-only with extension
 * loading off; table names taken from the file are only used when they are tables of the file, and quoted.
 */
final class OcelSqliteReader {

    /** The first 16 bytes of every SQLite 3 database file. */
    static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private OcelSqliteReader() {
    }

    /** Copies the stream to a temporary file (SQLite reads files only), reads it and removes the copy. */
    static OcelLog read(InputStream in) throws IOException {
        Path copy = Files.createTempFile("ocel-", ".sqlite");
        try {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return read(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    static OcelLog read(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enableLoadExtension(false);
        try (Connection db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement sql = db.createStatement()) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = sql.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String required : List.of("event", "object", "event_object", "event_map_type")) {
                if (!tables.contains(required)) {
                    throw new LogFormatException("not an OCEL 2.0 SQLite log: it has no table '" + required + "'");
                }
            }
            Map<String, String> objectTypes = new HashMap<>();
            try (ResultSet rs = sql.executeQuery("SELECT ocel_id, ocel_type FROM object")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String type = rs.getString(2);
                    if (id == null || type == null) {
                        throw new LogFormatException("an OCEL object needs an id and a type");
                    }
                    objectTypes.put(id, type);
                }
            }
            Map<String, String> typeTables = new HashMap<>();
            try (ResultSet rs = sql.executeQuery("SELECT ocel_type, ocel_type_map FROM event_map_type")) {
                while (rs.next()) {
                    typeTables.put(rs.getString(1), "event_" + rs.getString(2));
                }
            }
            // time and resource of each event, from its type's table
            Map<String, String[]> details = new HashMap<>(); // id -> {time, resource}
            for (Map.Entry<String, String> typeTable : typeTables.entrySet()) {
                String table = typeTable.getValue();
                if (!tables.contains(table)) {
                    throw new LogFormatException("OCEL event type '" + typeTable.getKey() + "' names table '" + table
                            + "', which the file does not have");
                }
                try (ResultSet rs = sql.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int idColumn = -1;
                    int timeColumn = -1;
                    int resourceColumn = -1;
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnName(i);
                        if (column.equals("ocel_id")) {
                            idColumn = i;
                        } else if (column.equals("ocel_time")) {
                            timeColumn = i;
                        } else if (column.equals("org:resource") || column.equalsIgnoreCase("resource")) {
                            resourceColumn = i;
                        }
                    }
                    if (idColumn < 0 || timeColumn < 0) {
                        throw new LogFormatException("OCEL table '" + table + "' needs the columns ocel_id and ocel_time");
                    }
                    while (rs.next()) {
                        details.put(rs.getString(idColumn), new String[] {rs.getString(timeColumn),
                                resourceColumn < 0 ? null : rs.getString(resourceColumn)});
                    }
                }
            }
            Map<String, List<String>> related = new HashMap<>();
            try (ResultSet rs = sql.executeQuery("SELECT ocel_event_id, ocel_object_id FROM event_object ORDER BY rowid")) {
                while (rs.next()) {
                    related.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            Map<String, OcelLog.Event> events = new LinkedHashMap<>();
            try (ResultSet rs = sql.executeQuery("SELECT ocel_id, ocel_type FROM event ORDER BY rowid")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String type = rs.getString(2);
                    String[] detail = details.get(id);
                    if (id == null || type == null || detail == null || detail[0] == null) {
                        throw new LogFormatException("an OCEL event needs an id, a type and a time in its type's table "
                                + "(event " + id + ")");
                    }
                    long time;
                    try {
                        time = Timestamps.parse(detail[0]);
                    } catch (IllegalArgumentException e) {
                        throw new LogFormatException("OCEL event " + id + " has an " + e.getMessage());
                    }
                    List<String> objects = new ArrayList<>();
                    // an object the file does not declare belongs to no type, as in the JSON and XML readers
                    objects.addAll(related.getOrDefault(id, List.of()));
                    events.put(id, new OcelLog.Event(id, type, time, detail[1], objects));
                }
            }
            return new OcelLog(new ArrayList<>(events.values()), objectTypes);
        } catch (SQLException e) {
            throw new LogFormatException("not a readable OCEL 2.0 SQLite log: " + e.getMessage());
        }
    }
}
