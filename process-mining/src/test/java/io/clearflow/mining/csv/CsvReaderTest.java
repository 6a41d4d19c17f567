package io.clearflow.mining.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.ImportResult;
import io.clearflow.mining.log.LogFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void honoursZoneOffsetsAndInterleavedCasesWithTheDefaultXesColumns() throws IOException {
        String csv = """
                case:concept:name,concept:name,time:timestamp,org:resource,org:group,lifecycle:transition
                c1,b,2011-10-11 13:45:40.276000+02:00,r1,G1,COMPLETE
                c2,x,2011-10-11 12:00:00.000000+00:00,r2,G2,complete
                c1,a,2011-10-11 12:45:40.276000+01:00,r1,G1,complete
                """;

        EventLog log = read(csv, null).log();

        assertThat(log.caseCount()).isEqualTo(2);
        assertThat(log.caseId(0)).isEqualTo("c1");
        // 12:45:40.276+01:00 and 13:45:40.276+02:00 are the same instant: the tie keeps file order
        assertThat(log.activityName(log.activity(0))).isEqualTo("b");
        assertThat(Instant.ofEpochMilli(log.timestamp(0))).isEqualTo(Instant.parse("2011-10-11T11:45:40.276Z"));
        assertThat(log.groupName(log.group(0))).isEqualTo("G1");
        assertThat(log.lifecycleName(log.lifecycle(0))).isEqualTo("complete");
        assertThat(log.isComplete(0)).isTrue();
    }

    @Test
    void anExplicitMappingReadsOtherColumnsAndQuotedFields() throws IOException {
        String csv = "Ticket;Step;When;Who\n"
                + "T-1;\"Check; then \"\"approve\"\"\";2024-03-01T08:00:00Z;\"Li\nLei\"\n";

        EventLog log = read(csv, new ColumnMapping("Ticket", "Step", "When", "Who", null, null, null, null)).log();

        assertThat(log.activityName(log.activity(0))).isEqualTo("Check; then \"approve\"");
        assertThat(log.resourceName(log.resource(0))).isEqualTo("Li\nLei");
        assertThat(log.timestamp(0)).isEqualTo(Instant.parse("2024-03-01T08:00:00Z").toEpochMilli());
    }

    @Test
    void aWrongMappingNamesTheMissingColumn() {
        String csv = "case,activity,time\nc1,a,2024-03-01T08:00:00Z\n";

        assertThatThrownBy(() -> read(csv, null))
                .isInstanceOf(LogFormatException.class)
                .hasMessageContaining("no column 'case:concept:name' for the case")
                .hasMessageContaining("case, activity, time");
        assertThatThrownBy(() -> read(csv, new ColumnMapping("case", "activity", "time", "user", null, null, null, null)))
                .hasMessageContaining("no column 'user' for the resource");
    }

    @Test
    void aBadTimestampNamesTheLineOrIsSkipped() throws IOException {
        String csv = "case,activity,time\nc1,a,2024-03-01T08:00:00Z\nc1,b,31/12/2024\nc1,c,\n";
        ColumnMapping mapping = new ColumnMapping("case", "activity", "time", null, null, null, null, null);

        assertThatThrownBy(() -> read(csv, mapping))
                .hasMessageContaining("CSV row at line 3").hasMessageContaining("'31/12/2024'");
        ImportResult lenient = CsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv",
                mapping, ImportOptions.strict().withSkipInvalid(true));
        assertThat(lenient.skippedEvents()).isEqualTo(2);
        assertThat(lenient.log().eventCount()).isEqualTo(1);
    }

    @Test
    void anEmptyFileIsRefusedClearly() {
        assertThatThrownBy(() -> read("", null)).hasMessageContaining("empty CSV");
    }

    private static ImportResult read(String csv, ColumnMapping mapping) throws IOException {
        return CsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", mapping,
                ImportOptions.strict());
    }
}
