package io.clearflow.regtech.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken documents are refused whole with a reason (and a line and column where the
 * parser has one); no DTD is read, no entity expanded, nothing local echoed.
 */
class HostileDocumentTest {

    @ParameterizedTest
    @ValueSource(strings = {"hostile/xxe-file.rss", "hostile/billion-laughs.rss", "hostile/xxe-parameter.rss",
            "hostile/xxe-external-dtd.rss"})
    void documentTypeDeclarationsAreRefused(String path) throws Exception {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Corpus.feed(path, "http://x/rss")).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DTDs, entities").satisfies(e -> {
                    String passwd = Files.exists(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "root:x:0";
                    assertThat(e.getMessage()).doesNotContain("root:").doesNotContain(passwd.lines().findFirst().orElse("root"));
                    assertThat(((FeedParseException) e).line()).isEqualTo(2);
                });
        assertThat((System.nanoTime() - start) / 1_000_000).as("no expansion happened").isLessThan(2_000);
    }

    @Test
    void anIllFormedDocumentIsRefusedWholeWithLineAndColumn() {
        assertThatThrownBy(() -> Corpus.feed("hostile/ill-formed.rss", "http://x/rss")).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("ill-formed XML").hasMessageContaining("line 8")
                .satisfies(e -> assertThat(((FeedParseException) e).column()).isPositive());
        assertThatThrownBy(() -> Corpus.feed("hostile/truncated.rss", "http://x/rss"))
                .hasMessageContaining("ill-formed XML").hasMessageContaining("line 8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostile/html-as-feed.html", "hostile/svg-root.xml", "hostile/json-as-feed.json", "hostile/empty.rss"})
    void nonFeedsAreRefused(String path) {
        assertThatThrownBy(() -> Corpus.feed(path, "http://x/rss")).isInstanceOf(FeedParseException.class)
                .satisfies(e -> assertThat(e.getMessage()).matches(".*(not an RSS or Atom feed|not an XML document|empty document|ill-formed|DTDs).*"));
    }

    @Test
    void invalidBytesBecomeReplacementCharactersNotAFailure() throws Exception {
        assertThat(Corpus.feed("hostile/bad-bytes.rss", "http://x/rss").title()).contains("\uFFFD");
    }

    @Test
    void htmlAndJsonSourcesReportWhatDoesNotMatch() {
        assertThatThrownBy(() -> Corpus.read("tuning/csrc-list.html", "html", "http://x/", "UTC",
                new HtmlListReader.Selectors("ul.gone li", null, null, null, null)))
                .hasMessageContaining("matches nothing");
        assertThatThrownBy(() -> Corpus.read("hostile/ill-formed.rss", "json", "http://x/", "UTC",
                new HtmlListReader.Selectors(null, null, null, null, null)))
                .hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> Corpus.read("tuning/regulator-api.json", "json", "http://x/", "UTC",
                new HtmlListReader.Selectors("/nothing/here", null, null, null, null)))
                .hasMessageContaining("no array of entries");
    }
}
