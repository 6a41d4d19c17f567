package io.clearflow.bots.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity by content hash recognises a statement delivered twice, but must not merge different files
 * that carry no content of their own: two empty files, two files over the size limit.
 */
class IncomingDocumentTest {

    @TempDir Path folder;

    @Test
    void theSameContentUnderAnotherNameIsOneStatement() {
        byte[] pdf = "%PDF-1.7 statement".getBytes(StandardCharsets.US_ASCII);
        assertThat(new IncomingDocument("a.pdf", pdf).contentHash())
                .isEqualTo(new IncomingDocument("copy of a.pdf", pdf.clone()).contentHash());
    }

    @Test
    void emptyFilesAreNotDuplicatesOfEachOther() {
        assertThat(new IncomingDocument("a.pdf", new byte[0]).contentHash())
                .isNotEqualTo(new IncomingDocument("b.pdf", new byte[0]).contentHash());
    }

    @Test
    void oversizedFilesAreNotDuplicatesOfEachOther() throws Exception {
        for (String name : List.of("big-1.tif", "big-2.tif")) {
            try (var out = Files.newOutputStream(folder.resolve(name))) {
                out.write(new byte[21 * 1024 * 1024]);
            }
        }
        List<IncomingDocument> fetched = new FolderStatementSource(folder).fetch();
        assertThat(fetched).hasSize(2);
        assertThat(fetched.get(0).content().length).isLessThan(1000);
        assertThat(fetched.get(0).contentHash()).isNotEqualTo(fetched.get(1).contentHash());
    }
}
