package io.clearflow.bots.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch CLI: one JSON line per file; a rejected file (here 0 bytes) is reported, not fatal, and sets exit code 2. */
class DocumentCliTest {

    @Test
    void aFolderIsExtractedAsJsonLines(@TempDir Path dir) throws Exception {
        var corpus = new StatementCorpus(5);
        var statement = corpus.clearingStatement(1);
        Files.write(dir.resolve("a.pdf"), StatementCorpus.textPdf(statement));
        Files.write(dir.resolve("b-empty.pdf"), new byte[0]);
        var out = new ByteArrayOutputStream();
        int exit = DocumentCli.run(new String[] {dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        var json = new ObjectMapper();
        var first = json.readTree(lines.get(0));
        assertThat(first.at("/extraction/type").asText()).isEqualTo("clearing_settlement");
        assertThat(first.at("/extraction/fields/net_amount").asText()).isEqualTo(statement.fields().get("net_amount"));
        assertThat(json.readTree(lines.get(1)).path("rejected").asText()).isEqualTo("EMPTY");
    }
}
