package io.clearflow.mining.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearflow.mining.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiningCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MiningCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheRestShapesAsJson() throws Exception {
        String file = SharedData.eventLog("helpdesk.xes.gz").toString();

        assertThat(run("dfg", file)).isZero();
        JsonNode dfg = MiningCli.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(dfg.get("edges").get(0).fieldNames()).toIterable()
                .containsExactly("source", "target", "frequency", "meanDurationMs", "medianDurationMs", "maxDurationMs");
        assertThat(dfg.get("startActivities").get("Assign seriousness").asLong()).isPositive();

        out.reset();
        assertThat(run("summary", file)).isZero();
        JsonNode summary = MiningCli.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(summary.get("events").asLong()).isEqualTo(21_348);
        assertThat(summary.get("firstTimestamp").asText()).endsWith("Z");

        out.reset();
        assertThat(run("bottlenecks", file, "--sla=P30D")).isZero();
        assertThat(MiningCli.JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("sla").get("slaMs").asLong())
                .isEqualTo(30L * 86_400_000);
    }

    @Test
    void streamPrintsTheSameJsonAsTheInMemoryPath() throws Exception {
        String file = SharedData.eventLog("helpdesk.xes.gz").toString();
        for (String analysis : new String[] {"summary", "dfg", "variants", "metrics"}) {
            out.reset();
            assertThat(run(analysis, file)).isZero();
            String inMemory = out.toString(StandardCharsets.UTF_8);
            out.reset();
            assertThat(run(analysis, file, "--stream")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(analysis).isEqualTo(inMemory);
        }
        // tried: an analysis the stream cannot do (it needs the whole log)
        assertThat(run("bottlenecks", file, "--stream")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--stream supports");
    }

    @Test
    void reportsBadInputAndUsageWithDistinctExitCodes(@TempDir Path temp) throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.xes"), "<log><trace>\n<event>\n</log>");

        assertThat(run("dfg", broken.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("malformed XES at line 3");
        assertThat(run("dfg")).isEqualTo(2);
        assertThat(run("nonsense", SharedData.eventLog("running-example.xes").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown analysis nonsense");
    }
}
