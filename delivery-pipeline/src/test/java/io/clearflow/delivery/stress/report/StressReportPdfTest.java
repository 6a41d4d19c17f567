package io.clearflow.delivery.stress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.junit.jupiter.api.Test;

/** The font lookup and the layout's text handling, without Spring. */
class StressReportPdfTest {

    @Test
    void aMissingFontIsNamedNotRenderedAsBlankText() {
        StressReportPdf pdf = new StressReportPdf(null, "/nowhere/no-such-font.ttc");
        assertThatThrownBy(pdf::fontFile).isInstanceOf(CjkFontMissingException.class)
                .satisfies(e -> assertThat(((CjkFontMissingException) e).searched()).containsExactly("/nowhere/no-such-font.ttc"));
    }

    @Test
    void theInstalledFontIsFoundAndOddCharactersDoNotBreakTheLayout() throws Exception {
        Path font = new StressReportPdf(null, "").fontFile();
        assertThat(StressReportPdf.DEFAULT_FONTS).contains(font.toString());
        try (PDDocument doc = new PDDocument(); var collection = new TrueTypeCollection(font.toFile())) {
            var first = new java.util.concurrent.atomic.AtomicReference<org.apache.fontbox.ttf.TrueTypeFont>();
            collection.processAllFonts(f -> first.compareAndSet(null, f));
            try (PdfLayout layout = new PdfLayout(doc, PDType0Font.load(doc, first.get(), true))) {
                // a tab becomes a space, a control character goes, a character outside the font becomes '?'
                assertThat(layout.safe("a\tb\u0007c 压测 \uD83D\uDE00")).isEqualTo("a bc 压测 ?");
                // Chinese breaks between characters, Latin at spaces; no line is wider than asked
                List<String> lines = layout.wrap("压力测试报告".repeat(40) + " alpha beta gamma", 10, 200);
                assertThat(lines).hasSizeGreaterThan(5);
                assertThat(String.join("", lines).replace(" ", "")).isEqualTo("压力测试报告".repeat(40) + "alphabetagamma");
            }
        }
        assertThat(Files.isReadable(font)).isTrue();
    }
}
