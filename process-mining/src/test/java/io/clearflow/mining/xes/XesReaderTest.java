package io.clearflow.mining.xes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.SharedData;
import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.ImportResult;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.variants.VariantMiner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XesReaderTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n";

    @TempDir
    Path temp;

    @Test
    void refusesADtdAndExternalEntities() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<log><trace><string key=\"concept:name\" value=\"1\"/><event>"
                + "<string key=\"concept:name\" value=\"&xxe;\"/>"
                + "<date key=\"time:timestamp\" value=\"2020-01-01T00:00:00Z\"/></event></trace></log>";

        assertThatThrownBy(() -> read(xxe, ImportOptions.strict()))
                .isInstanceOf(LogFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("DTD")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void malformedXmlNamesTheLine() {
        String broken = HEAD + "<trace>\n<event>\n<string key=\"concept:name\" value=\"a\">\n</event>\n</trace></log>";

        assertThatThrownBy(() -> read(broken, ImportOptions.strict()))
                .isInstanceOf(LogFormatException.class)
                .hasMessageStartingWith("malformed XES at line 6");
    }

    @Test
    void aBadTimestampFailsWithItsLineOrIsSkippedAndCountedWhenAskedWhileAMissingOneIsValid() throws IOException {
        String xml = HEAD + trace("1", event("a", "2020-01-01T10:00:00Z"), "<event>\n<string key=\"concept:name\" value=\"b\"/>\n</event>",
                event("c", "not a date"), event("d", "2020-01-01T11:00:00Z")) + "</log>";

        assertThatThrownBy(() -> read(xml, ImportOptions.strict()))
                .isInstanceOf(LogFormatException.class)
                .hasMessageContaining("event at line 12").hasMessageContaining("'not a date'")
                .hasMessageContaining("skipInvalid");

        ImportResult lenient = read(xml, ImportOptions.strict().withSkipInvalid(true));
        assertThat(lenient.skippedEvents()).isEqualTo(1);
        assertThat(activities(lenient.log())).isEqualTo("a,b,d");
    }

    @Test
    void anUnparsableTimestampIsNamed() {
        String xml = HEAD + trace("1", event("a", "yesterday")) + "</log>";

        assertThatThrownBy(() -> read(xml, ImportOptions.strict()))
                .hasMessageContaining("event at line 5").hasMessageContaining("'yesterday'");
    }

    @Test
    void anEmptyLogImportsAsEmpty() throws IOException {
        EventLog log = read(HEAD + "</log>", ImportOptions.strict()).log();

        assertThat(LogSummary.of(log)).isEqualTo(new LogSummary("test.xes", 0, 0, 0, null, null, 0));
        assertThat(DfgMiner.mine(log).edges()).isEmpty();
        assertThat(VariantMiner.mine(log)).isEmpty();
    }

    @Test
    void notXesAtAllIsRefused() {
        assertThatThrownBy(() -> read("<html><body/></html>", ImportOptions.strict()))
                .hasMessageContaining("not an XES log");
    }

    @Test
    void eventsOutOfOrderAreSortedPerCaseAndTiesKeepTheirOrder() throws IOException {
        String xml = HEAD + trace("1", event("c", "2020-01-01T12:00:00Z"), event("a", "2020-01-01T10:00:00+00:00"),
                event("b1", "2020-01-01T12:00:00+01:00"), event("b2", "2020-01-01T11:00:00Z")) + "</log>";

        EventLog log = read(xml, ImportOptions.strict()).log();

        // b1 at 11:00Z ties with b2 and came first in the file
        assertThat(activities(log)).isEqualTo("a,b1,b2,c");
    }

    @Test
    void theEventLimitBoundsTheImport() {
        String xml = HEAD + trace("1", event("a", "2020-01-01T10:00:00Z"), event("b", "2020-01-01T11:00:00Z")) + "</log>";

        assertThatThrownBy(() -> read(xml, new ImportOptions(false, 1)))
                .hasMessageContaining("more than 1 events");
    }

    @Test
    void gzipIsDetectedByItsMagicBytesAndNestedAttributesAreIgnored() throws IOException {
        String xml = HEAD + trace("1", "<event><string key=\"concept:name\" value=\"a\"/>"
                + "<list key=\"nested\"><string key=\"concept:name\" value=\"NOT-ME\"/></list>"
                + "<date key=\"time:timestamp\" value=\"2020-01-01T10:00:00Z\"/></event>") + "</log>";
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(zipped)) {
            gzip.write(xml.getBytes(StandardCharsets.UTF_8));
        }

        EventLog log = XesReader.read(new ByteArrayInputStream(zipped.toByteArray()), "x", ImportOptions.strict()).log();

        assertThat(activities(log)).isEqualTo("a");
    }

    @Test
    void exportedXesReadsBackToTheSameLog() throws Exception {
        EventLog original;
        try (InputStream in = Files.newInputStream(SharedData.eventLog("reviewing.xes"))) {
            original = XesReader.read(in, "reviewing.xes", ImportOptions.strict()).log();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XesExporter.write(original, out);

        EventLog copy = XesReader.read(new ByteArrayInputStream(out.toByteArray()), "reviewing.xes", ImportOptions.strict()).log();

        assertThat(LogSummary.of(copy)).isEqualTo(LogSummary.of(original));
        assertThat(DfgMiner.mine(copy)).isEqualTo(DfgMiner.mine(original));
        assertThat(copy.resourceName(copy.resource(0))).isEqualTo(original.resourceName(original.resource(0)));
        assertThat(copy.lifecycleName(copy.lifecycle(0))).isEqualTo("start");
    }

    @Test
    void entitiesCommentsCdataAndNonAsciiValuesAreRead() throws IOException {
        String xml = HEAD + "<!-- a comment with <tags> -->\n" + trace("1",
                "<event><string key=\"concept:name\" value=\"审批 &amp; &#x41;&lt;\"/><![CDATA[ <ignored/> ]]>"
                        + "<date key='time:timestamp' value='2020-01-01T10:00:00Z'/></event>",
                event("b\tc", "2020-01-01T11:00:00.5+08:00")) + "<?pi ignored?></log>";

        EventLog log = read(xml, ImportOptions.strict()).log();

        // attribute values are normalised as XML says: a tab is a space
        assertThat(activities(log)).isEqualTo("b c,审批 & A<");
        assertThat(log.timestamp(0)).isEqualTo(java.time.Instant.parse("2020-01-01T03:00:00.500Z").toEpochMilli());
    }

    @Test
    void badMarkupIsRefusedWithItsLine() {
        // tried: an entity no DTD declared, '<' in a value, an unquoted value, a second root, text outside the root,
        // an unclosed root, an end tag that matches nothing, a non-UTF-8 encoding
        assertThatThrownBy(() -> read(HEAD + "<string key=\"a\" value=\"&xxe;\"/></log>", ImportOptions.strict()))
                .hasMessage("malformed XES at line 3: undeclared entity &xxe;");
        assertThatThrownBy(() -> read(HEAD + "<string key=\"a\" value=\"a<b\"/></log>", ImportOptions.strict()))
                .hasMessageContaining("line 3").hasMessageContaining("'<' in the value");
        assertThatThrownBy(() -> read(HEAD + "<string key=a/></log>", ImportOptions.strict()))
                .hasMessageContaining("not quoted");
        assertThatThrownBy(() -> read(HEAD + "</log><log/>", ImportOptions.strict()))
                .hasMessageContaining("more than one root element");
        assertThatThrownBy(() -> read(HEAD + "</log>junk", ImportOptions.strict()))
                .hasMessageContaining("content after the root element");
        assertThatThrownBy(() -> read(HEAD + "<trace>\n", ImportOptions.strict()))
                .hasMessageStartingWith("malformed XES at line 4").hasMessageContaining("<trace> is not closed");
        assertThatThrownBy(() -> read(HEAD + "</trace></log>", ImportOptions.strict()))
                .hasMessageContaining("end tag </trace> does not match <log>");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><log/>", ImportOptions.strict()))
                .hasMessageContaining("must be UTF-8");
    }

    @Test
    void inputArrivingInTinyPiecesReadsTheSame() throws Exception {
        // every token (names, values, entities, comments) is split across reads somewhere in these files
        for (String name : new String[] {"reviewing.xes", "running-example.xes"}) {
            byte[] bytes = Files.readAllBytes(SharedData.eventLog(name));
            EventLog whole = XesReader.read(new ByteArrayInputStream(bytes), name, ImportOptions.strict()).log();
            InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
                private int call;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 1 + call++ % 7));
                }

                @Override
                public int available() {
                    return 0;
                }
            };

            EventLog pieces = XesReader.read(trickle, name, ImportOptions.strict()).log();

            assertThat(LogSummary.of(pieces)).isEqualTo(LogSummary.of(whole));
            assertThat(DfgMiner.mine(pieces)).isEqualTo(DfgMiner.mine(whole));
            assertThat(activities(pieces)).isEqualTo(activities(whole));
        }
    }

    @Test
    void aLatin1DeclarationIsHonoured() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<log>" + trace("1", event("caf\u00e9", "2020-01-01T10:00:00Z"))
                + "</log>";

        EventLog log = XesReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)), "x",
                ImportOptions.strict()).log();

        assertThat(activities(log)).isEqualTo("caf\u00e9");
    }

    private ImportResult read(String xml, ImportOptions options) throws IOException {
        return XesReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xes", options);
    }

    private static String trace(String name, String... events) {
        return "<trace>\n<string key=\"concept:name\" value=\"" + name + "\"/>\n" + String.join("\n", events) + "\n</trace>\n";
    }

    private static String event(String activity, String time) {
        return "<event>\n<string key=\"concept:name\" value=\"" + activity + "\"/>\n<date key=\"time:timestamp\" value=\""
                + time + "\"/>\n</event>";
    }

    static String activities(EventLog log) {
        StringBuilder names = new StringBuilder();
        for (int e = 0; e < log.eventCount(); e++) {
            names.append(e == 0 ? "" : ",").append(log.activityName(log.activity(e)));
        }
        return names.toString();
    }
}
