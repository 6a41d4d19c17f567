package io.clearflow.delivery.stress.report;

import io.clearflow.delivery.stress.StressTestService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The stress-test report as PDF (Apache PDFBox): {@link StressReportContent}'s blocks, the same as the Word export's,
 * laid out by {@link PdfLayout} with a throughput/latency chart per run. Chinese needs an embedded CJK font (the standard 14 PDF fonts have no
 * CJK glyphs): the configured file, else WenQuanYi Zen Hei where Debian's {@code fonts-wqy-zenhei} puts it; only the
 * glyphs used are embedded (subset), so a report stays small although the font file is 17 MB.
 */
@Component
public class StressReportPdf {

    /** Where the platform's scripts install the font, and where other distributions put the same or a similar one. */
    static final List<String> DEFAULT_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    private final StressReportContent content;
    private final List<String> fontCandidates;

    StressReportPdf(StressReportContent content, @Value("${clearflow.delivery.stress.pdf-font:}") String configuredFont) {
        this.content = content;
        this.fontCandidates = configuredFont.isBlank() ? DEFAULT_FONTS : List.of(configuredFont);
    }

    /** The font file used, or the exception naming where it was looked for. */
    public Path fontFile() {
        return fontCandidates.stream().map(Path::of).filter(Files::isReadable).findFirst()
                .orElseThrow(() -> new CjkFontMissingException(fontCandidates));
    }

    public byte[] render(StressTestService.Detail detail, Locale locale) {
        Path fontFile = fontFile();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeCollection collection = null;
            try {
                PDFont font;
                if (fontFile.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                    // the collection must stay open until save: the subset is cut from it then
                    collection = new TrueTypeCollection(fontFile.toFile());
                    AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                    collection.processAllFonts(f -> first.compareAndSet(null, f));
                    font = PDType0Font.load(doc, first.get(), true);
                } else {
                    font = PDType0Font.load(doc, fontFile.toFile());
                }
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(content.documentTitle(detail, locale));
                info.setCreator("ClearFlow");
                try (PdfLayout pdf = new PdfLayout(doc, font)) {
                    write(pdf, detail, locale);
                }
                doc.save(out);
            } finally {
                if (collection != null) {
                    collection.close();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PdfLayout pdf, StressTestService.Detail detail, Locale locale) throws IOException {
        for (StressReportContent.Block block : content.blocks(detail, locale)) {
            if (block instanceof StressReportContent.Title t) {
                pdf.title(t.text());
            } else if (block instanceof StressReportContent.Heading h) {
                pdf.heading(h.text());
            } else if (block instanceof StressReportContent.Text t) {
                pdf.paragraph(t.text());
            } else if (block instanceof StressReportContent.Table t) {
                pdf.table(t.rows(), t.weights());
            } else if (block instanceof StressReportContent.Chart c) {
                pdf.chart(c.caption(), c.rateName(), c.rate(), c.latencyName(), c.latency(), c.spanSeconds());
            }
        }
    }
}
