package io.clearflow.mining.ocel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.variants.VariantMiner;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCEL 2.0 in the standard's SQLite layout: the same order/item log as {@link OcelReaderTest#JSON}, written into the
 * tables the OCEL 2.0 specification defines (event, object, event_object, object_object, event_map_type,
 * object_map_type, event_&lt;type&gt;, object_&lt;type&gt;), must read and flatten exactly as the JSON does.
 */
class OcelSqliteTest {

    @TempDir
    Path temp;

    /** The JSON fixture's log, times written as pm4py's SQLite export writes them (a space, offset optional). */
    static Path writeSqlite(Path file) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE event (ocel_id TEXT PRIMARY KEY, ocel_type TEXT)");
            sql.execute("CREATE TABLE object (ocel_id TEXT PRIMARY KEY, ocel_type TEXT)");
            sql.execute("CREATE TABLE event_object (ocel_event_id TEXT, ocel_object_id TEXT, ocel_qualifier TEXT)");
            sql.execute("CREATE TABLE object_object (ocel_source_id TEXT, ocel_target_id TEXT, ocel_qualifier TEXT)");
            sql.execute("CREATE TABLE event_map_type (ocel_type TEXT, ocel_type_map TEXT)");
            sql.execute("CREATE TABLE object_map_type (ocel_type TEXT, ocel_type_map TEXT)");
            sql.execute("CREATE TABLE event_PlaceOrder (ocel_id TEXT, ocel_time TIMESTAMP, resource TEXT)");
            sql.execute("CREATE TABLE event_PickItem (ocel_id TEXT, ocel_time TIMESTAMP)");
            sql.execute("CREATE TABLE event_SendPackage (ocel_id TEXT, ocel_time TIMESTAMP)");
            sql.execute("CREATE TABLE event_PayOrder (ocel_id TEXT, ocel_time TIMESTAMP)");
            sql.execute("CREATE TABLE object_Order (ocel_id TEXT, ocel_time TIMESTAMP, ocel_changed_field TEXT, price REAL)");
            sql.execute("CREATE TABLE object_Item (ocel_id TEXT, ocel_time TIMESTAMP, ocel_changed_field TEXT)");
            sql.execute("INSERT INTO event_map_type VALUES ('place order', 'PlaceOrder'), ('pick item', 'PickItem'), "
                    + "('send package', 'SendPackage'), ('pay order', 'PayOrder')");
            sql.execute("INSERT INTO object_map_type VALUES ('order', 'Order'), ('item', 'Item')");
            sql.execute("INSERT INTO object VALUES ('o1', 'order'), ('o2', 'order'), ('i1', 'item'), ('i2', 'item'), "
                    + "('i3', 'item')");
            sql.execute("INSERT INTO object_Order VALUES ('o1', '1970-01-01 00:00:00', NULL, 10.5), "
                    + "('o2', '1970-01-01 00:00:00', NULL, NULL)");
            sql.execute("INSERT INTO object_Item VALUES ('i1', '1970-01-01 00:00:00', NULL), "
                    + "('i2', '1970-01-01 00:00:00', NULL), ('i3', '1970-01-01 00:00:00', NULL)");
            sql.execute("INSERT INTO object_object VALUES ('o1', 'i1', 'contains')");
            // events in the JSON's order (e2 before e1), so ties fall the same way
            String[][] events = {{"e2", "place order", "PlaceOrder", "2023-01-01 09:30:00", null},
                    {"e1", "place order", "PlaceOrder", "2023-01-01 09:00:00", "Alice"},
                    {"e3", "pick item", "PickItem", "2023-01-01 10:00:00", null},
                    {"e4", "pick item", "PickItem", "2023-01-01 10:10:00", null},
                    {"e5", "pick item", "PickItem", "2023-01-01 10:20:00", null},
                    {"e6", "send package", "SendPackage", "2023-01-01 11:00:00+01:00", null},
                    {"e7", "pay order", "PayOrder", "2023-01-01 12:00:00", null}};
            try (PreparedStatement event = db.prepareStatement("INSERT INTO event VALUES (?, ?)")) {
                for (String[] e : events) {
                    event.setString(1, e[0]);
                    event.setString(2, e[1]);
                    event.executeUpdate();
                    try (PreparedStatement typed = db.prepareStatement(e[2].equals("PlaceOrder")
                            ? "INSERT INTO event_PlaceOrder VALUES (?, ?, ?)"
                            : "INSERT INTO event_" + e[2] + " VALUES (?, ?)")) {
                        typed.setString(1, e[0]);
                        typed.setString(2, e[3]);
                        if (e[2].equals("PlaceOrder")) {
                            typed.setString(3, e[4]);
                        }
                        typed.executeUpdate();
                    }
                }
            }
            sql.execute("INSERT INTO event_object VALUES ('e2', 'o2', 'order'), ('e2', 'i3', 'item'), "
                    + "('e1', 'o1', 'order'), ('e1', 'i1', 'item'), ('e1', 'i2', 'item'), ('e3', 'i1', ''), "
                    + "('e4', 'i2', ''), ('e5', 'i3', ''), ('e6', 'o1', ''), ('e6', 'i1', ''), ('e6', 'i2', ''), "
                    + "('e7', 'o1', '')");
        }
        return file;
    }

    private static InputStream json() {
        return new ByteArrayInputStream(OcelReaderTest.JSON.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> describe(EventLog log) {
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < log.caseCount(); c++) {
            StringBuilder line = new StringBuilder(log.caseId(c)).append(':');
            for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
                line.append(' ').append(log.activityName(log.activity(e))).append('@').append(log.timestamp(e))
                        .append('/').append(log.resourceName(log.resource(e)));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Test
    void theSqliteEncodingReadsAndFlattensAsTheJsonOne() throws Exception {
        Path file = writeSqlite(temp.resolve("orders.sqlite"));
        OcelLog fromJson = OcelReader.read(json());
        OcelLog fromSqlite;
        try (InputStream in = Files.newInputStream(file)) {
            fromSqlite = OcelReader.read(in);
        }
        assertThat(fromSqlite.types()).isEqualTo(fromJson.types());
        for (String type : List.of("order", "item")) {
            EventLog sqliteCases = fromSqlite.flatten(type, "log", 1000);
            EventLog jsonCases = fromJson.flatten(type, "log", 1000);
            assertThat(describe(sqliteCases)).as(type).isEqualTo(describe(jsonCases));
            assertThat(DfgMiner.mine(sqliteCases)).isEqualTo(DfgMiner.mine(jsonCases));
            assertThat(VariantMiner.mine(sqliteCases)).isEqualTo(VariantMiner.mine(jsonCases));
        }
        // and through the importer, by name and by content
        EventLog byName = LogImporter.importFile(file, null, ImportOptions.strict().withObjectType("item"), "x.sqlite").log();
        EventLog byContent = LogImporter.importFile(file, null, ImportOptions.strict().withObjectType("item"), "upload").log();
        assertThat(describe(byName)).isEqualTo(describe(fromJson.flatten("item", "log", 1000)));
        assertThat(describe(byContent)).isEqualTo(describe(byName));
    }

    @Test
    void brokenOrHostileDatabasesAreRefusedWithAReason() throws Exception {
        Path empty = temp.resolve("empty.sqlite");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + empty.toAbsolutePath());
             Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE something (x TEXT)");
        }
        assertThatThrownBy(() -> readFile(empty)).isInstanceOf(LogFormatException.class)
                .hasMessageContaining("no table 'event'");

        // a type map naming a "table" that is SQL: never run, refused as a table the file does not have
        Path hostile = writeSqlite(temp.resolve("hostile.sqlite"));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + hostile.toAbsolutePath());
             Statement sql = db.createStatement()) {
            sql.execute("UPDATE event_map_type SET ocel_type_map = 'x\"; DROP TABLE event; --' WHERE ocel_type = 'pay order'");
        }
        assertThatThrownBy(() -> readFile(hostile)).isInstanceOf(LogFormatException.class)
                .hasMessageContaining("which the file does not have");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + hostile.toAbsolutePath());
             Statement sql = db.createStatement();
             var rs = sql.executeQuery("SELECT count(*) FROM event")) {
            assertThat(rs.getInt(1)).isEqualTo(7); // read-only: nothing was changed
        }

        Path badTime = writeSqlite(temp.resolve("time.sqlite"));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + badTime.toAbsolutePath());
             Statement sql = db.createStatement()) {
            sql.execute("UPDATE event_PayOrder SET ocel_time = 'noon' WHERE ocel_id = 'e7'");
        }
        assertThatThrownBy(() -> readFile(badTime)).isInstanceOf(LogFormatException.class)
                .hasMessageContaining("e7").hasMessageContaining("noon");

        // something that starts like SQLite but is not a database
        byte[] fake = "SQLite format 3\0 and then nonsense".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> OcelReader.read(new ByteArrayInputStream(fake))).isInstanceOf(LogFormatException.class);
    }

    private static OcelLog readFile(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return OcelReader.read(in);
        }
    }
}
