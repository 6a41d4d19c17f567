package io.clearflow.delivery.stress.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each format with figures worked out by hand from the file's rows, and each kind of bad file. */
class LoadResultReaderTest {

    private final LoadResultReader reader = new LoadResultReader();

    private LoadSummary read(String content) {
        return reader.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String JTL_HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";

    private static String jtlRow(long ts, int elapsed, String label, boolean ok) {
        return ts + "," + elapsed + "," + label + "," + (ok ? "200" : "500") + ",\"OK, fine\",Thread 1-1,text,"
                + ok + ",," + "512,100,1,1,http://x/" + label + "," + elapsed + ",0,1\n";
    }

    @Test
    void jmeterCsvWithTheDefaultColumns() {
        StringBuilder csv = new StringBuilder(JTL_HEADER);
        // 20 samples: elapsed 10, 20, … 200 ms; starts 1 s apart from 1,700,000,000,000; samples 5 and 17 failed
        for (int i = 1; i <= 20; i++) {
            csv.append(jtlRow(1_700_000_000_000L + (i - 1) * 1000L, i * 10, i % 2 == 0 ? "410301" : "410302",
                    i != 5 && i != 17));
        }
        LoadSummary s = read(csv.toString());
        assertThat(s.format()).isEqualTo(LoadFormat.JMETER_CSV);
        assertThat(s.samples()).isEqualTo(20);
        // first start = ts1; last end = ts1 + 19 s + 200 ms → 19.2 s
        assertThat(s.throughput()).isCloseTo(20 / 19.2, org.assertj.core.data.Offset.offset(1e-9));
        // nearest rank: ⌈0.95 × 20⌉ = 19th value = 190 ms; p50 = 10th = 100 ms; p99 = 20th = 200 ms
        assertThat(s.p95Ms()).isEqualTo(190.0);
        assertThat(s.p50Ms()).isEqualTo(100.0);
        assertThat(s.p99Ms()).isEqualTo(200.0);
        assertThat(s.errorRate()).isEqualTo(0.1);
        assertThat(s.toolFigures()).isEmpty();
        assertThat(s.labels()).extracting(LoadSummary.LabelFigures::label).containsExactlyInAnyOrder("410301", "410302");
        LoadSummary.LabelFigures odd = s.labels().stream().filter(l -> l.label().equals("410302")).findFirst().orElseThrow();
        // odd samples 1,3,…,19: elapsed 10,30,…,190; ⌈0.95 × 10⌉ = 10th → 190; failures 5 and 17
        assertThat(odd.p95Ms()).isEqualTo(190.0);
        assertThat(odd.failed()).isEqualTo(2);
        assertThat(s.bucketSeconds()).isEqualTo(1);
        assertThat(s.timeline()).hasSize(20);
        assertThat(s.timeline().get(4).failed()).isEqualTo(1);
    }

    @Test
    void jmeterCsvWithColumnsReorderedAndFewer() {
        String csv = "success,label,elapsed,timeStamp\n"
                + "true,a,100,1000\n"
                + "false,a,300,1500\n"
                + "true,b,200,2000\n";
        LoadSummary s = read(csv);
        assertThat(s.samples()).isEqualTo(3);
        // 1000 → 2200 ms = 1.2 s
        assertThat(s.throughput()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.p95Ms()).isEqualTo(300.0);
        assertThat(s.failed()).isEqualTo(1);
    }

    @Test
    void chineseLabelsAcrossTheSniffedWindowAreText() {
        // 3-byte characters; over three alignments the 8 KiB sniff window ends inside a character at least once
        boolean cutInside = false;
        for (int shift = 0; shift < 3; shift++) {
            StringBuilder csv = new StringBuilder("timeStamp,elapsed,label,success\n");
            for (int i = 0; i < 400; i++) {
                csv.append(1000 + i).append(",5,委托下单").append("x".repeat(shift)).append(i % 7).append(",true\n");
            }
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            cutInside |= (bytes[8192] & 0xC0) == 0x80;
            LoadSummary s = reader.read(new ByteArrayInputStream(bytes));
            assertThat(s.samples()).isEqualTo(400);
            assertThat(s.labels()).hasSize(7);
        }
        assertThat(cutInside).as("one alignment cuts a character at the window's end").isTrue();
    }

    @Test
    void jmeterXmlCountsTopLevelSamplesOnly() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <testResults version="1.2">
                <httpSample t="120" lt="100" ts="1000" s="true" lb="410301" rc="200" rm="OK" by="300"/>
                <httpSample t="80" ts="1100" s="false" lb="410302" rc="500" by="10">
                  <httpSample t="40" ts="1100" s="true" lb="sub" rc="200"/>
                </httpSample>
                <sample t="200" ts="1200" s="true" lb="410301" rc="200"/>
                </testResults>
                """;
        LoadSummary s = read(xml);
        assertThat(s.format()).isEqualTo(LoadFormat.JMETER_XML);
        assertThat(s.samples()).isEqualTo(3);
        assertThat(s.errorRate()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.p95Ms()).isEqualTo(200.0);
        // 1000 → 1400 ms
        assertThat(s.throughput()).isCloseTo(7.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void k6SummaryExportUsesTheToolsAggregates() {
        String json = """
                {"root_group":{},"metrics":{
                  "http_reqs":{"count":1200,"rate":40.5},
                  "http_req_duration":{"avg":50.1,"min":3,"med":42,"max":900,"p(90)":80,"p(95)":97.25},
                  "http_req_duration{name:410301}":{"med":40,"p(95)":90},
                  "http_reqs{name:410301}":{"count":800,"rate":27},
                  "http_req_failed":{"passes":12,"fails":1188,"value":0.01}}}
                """;
        LoadSummary s = read(json);
        assertThat(s.format()).isEqualTo(LoadFormat.K6_SUMMARY);
        assertThat(s.samples()).isEqualTo(1200);
        assertThat(s.throughput()).isEqualTo(40.5);
        assertThat(s.p95Ms()).isEqualTo(97.25);
        assertThat(s.failed()).isEqualTo(12);
        assertThat(s.errorRate()).isEqualTo(0.01);
        assertThat(s.toolFigures()).contains("throughput", "p95Ms");
        assertThat(s.labels()).singleElement().satisfies(l -> assertThat(l.samples()).isEqualTo(800));
    }

    @Test
    void locustStatsAndHistory() {
        String stats = """
                Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%
                POST,410301,900,9,40,45.5,3,300,120,30.0,0.3,40,50,55,60,70,90,100,120,250,300,300
                GET,410302,100,1,20,22,2,90,80,3.3,0.03,20,22,24,26,30,35,40,50,90,90,90
                ,Aggregated,1000,10,38,43.1,2,300,116,33.3,0.33,38,48,53,58,68,88,99,118,250,300,300
                """;
        LoadSummary s = read(stats);
        assertThat(s.format()).isEqualTo(LoadFormat.LOCUST_STATS);
        assertThat(s.samples()).isEqualTo(1000);
        assertThat(s.p95Ms()).isEqualTo(88.0);
        assertThat(s.throughput()).isEqualTo(33.3);
        assertThat(s.errorRate()).isEqualTo(0.01);
        assertThat(s.labels()).hasSize(2);

        String history = """
                Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size
                1700000000,10,,Aggregated,10.0,0.0,40,50,55,60,70,90,100,120,250,300,300,100,0,40,45,3,300,120
                1700000010,10,,Aggregated,20.0,1.0,40,50,55,60,70,95,100,120,250,300,300,300,10,40,46,3,300,120
                """;
        LoadSummary h = read(history);
        assertThat(h.format()).isEqualTo(LoadFormat.LOCUST_HISTORY);
        assertThat(h.samples()).isEqualTo(300);
        assertThat(h.failed()).isEqualTo(10);
        assertThat(h.throughput()).isEqualTo(15.0);
        assertThat(h.p95Ms()).isEqualTo(95.0);
        assertThat(h.timeline()).extracting(LoadSummary.Bucket::samples).containsExactly(100L, 200L);
    }

    @Test
    void hostileAndBrokenFilesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE testResults [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <testResults><httpSample t="1" ts="1" s="true" lb="&x;"/></testResults>
                """;
        assertRefused(xxe);
        assertRefused("");
        assertRefused("   \n  ");
        assertRefused("\u0000\u0001PK\u0003\u0004binary");
        assertRefused(JTL_HEADER + jtlRow(1000, 10, "a", true) + "2000,20,a,200");
        assertRefused("<testResults><httpSample t=\"1\" ts=\"1\" s=\"true\"/>");
        assertRefused("timeStamp,elapsed,label,success\n1000,-5,a,true\n");
        assertRefused("timeStamp,elapsed,label,success\n2024-01-01 10:00:00,5,a,true\n");
        assertRefused("{\"metrics\":{\"http_reqs\":{\"count\":10,\"rate\":1},\"http_req_duration\":{\"p(95)\":-3}}}");
        assertRefused("{\"metrics\":");
        assertRefused("name,value\nx,1\n");
        assertRefused("timeStamp,elapsed,label,success\n");
    }

    private void assertRefused(String content) {
        assertThatThrownBy(() -> read(content)).isInstanceOf(BadResultFileException.class)
                .satisfies(e -> assertThat(((BadResultFileException) e).fieldErrors()).containsKey("file"));
    }
}
