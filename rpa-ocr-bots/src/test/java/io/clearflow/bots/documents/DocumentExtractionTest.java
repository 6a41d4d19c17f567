package io.clearflow.bots.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction on a small generated corpus with known ground truth (the big one is in {@link ExtractionBenchmark}).
 * Bad inputs tried: 0-byte file, random bytes, truncated PNG, truncated PDF, password-protected PDF,
 * a 100-megapixel image, a PNG header claiming 10 gigapixels, an unknown document type, totals that do not add up.
 */
class DocumentExtractionTest {

    static DocumentExtractor extractor;
    static final StatementCorpus corpus = new StatementCorpus(42);

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(DocumentTypes.builtIn(), TesseractOcr.DEFAULT_DATAPATH);
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    static void requireOcr() {
        assertThat(OcrStatus.probe(TesseractOcr.DEFAULT_DATAPATH).available()).as("Tesseract with chi_sim must be installed (./test.sh installs it)").isTrue();
        assertThat(StatementCorpus.fontsAvailable()).as("the CJK font WenQuanYi Zen Hei must be installed (./test.sh installs it)").isTrue();
    }

    @Test
    void textLayerPdfsOfEveryTypeAndLayoutAreReadExactly() {
        for (int layout = 0; layout < 3; layout++) {
            for (var s : List.of(corpus.bankStatement(layout), corpus.clearingStatement(layout))) {
                Extraction e = extractor.extract(StatementCorpus.textPdf(s));
                assertThat(e.method()).isEqualTo("text-layer");
                assertThat(e.type()).as("layout %d", layout).isEqualTo(s.type());
                assertThat(e.fields()).as("layout %d %s", layout, s.type()).containsAllEntriesOf(s.fields());
                assertThat(e.transactions()).isEqualTo(s.transactions());
                assertThat(e.lowConfidence()).isEmpty();
                assertThat(e.totalsOk()).isTrue();
                assertThat(e.confidence().values()).allMatch(c -> c == 1.0);
            }
        }
    }

    @Test
    void scannedPagesGoThroughOcrAndNothingWrongIsTrusted() {
        requireOcr();
        var bank = corpus.bankStatement(0);
        var clearing = corpus.clearingStatement(1);
        var scannedPdf = corpus.clearingStatement(2);
        Map<StatementCorpus.Statement, byte[]> scans = Map.of(
                bank, StatementCorpus.jpeg(corpus.noisy(corpus.render(bank), 1.5), 0.6f),
                clearing, StatementCorpus.png(corpus.render(clearing)),
                scannedPdf, StatementCorpus.scannedPdf(corpus.noisy(corpus.render(scannedPdf), -1.2)));
        scans.forEach((truth, bytes) -> {
            Extraction e = extractor.extract(bytes);
            assertThat(e.method()).isEqualTo("ocr");
            assertThat(e.type()).isEqualTo(truth.type());
            int right = 0;
            for (var field : truth.fields().entrySet()) {
                String got = e.fields().get(field.getKey());
                if (field.getValue().equals(got)) {
                    right++;
                } else {
                    // a wrong value is acceptable only when it is flagged for a person
                    assertThat(e.lowConfidence()).as("wrong %s=%s not flagged", field.getKey(), got).contains(field.getKey());
                }
            }
            assertThat(right).as("fields read right in %s", truth.fields()).isGreaterThanOrEqualTo(truth.fields().size() - 1);
        });
    }

    @Test
    void anUnknownDocumentIsUnclassified() {
        var other = new StatementCorpus.Statement("other", 0, Map.of(), List.of(), List.of(
                new String[] {"会议纪要"}, new String[] {"时间：2025年3月1日"}, new String[] {"参会人：张三、李四"},
                new String[] {"议题：年度预算"}));
        Extraction e = extractor.extract(StatementCorpus.textPdf(other));
        assertThat(e.type()).isEqualTo("unclassified");
        assertThat(e.classified()).isFalse();
        assertThat(e.warnings()).anyMatch(w -> w.startsWith("unclassified"));
    }

    @Test
    void totalsThatDoNotAddUpAreFlagged() {
        var wrong = corpus.withWrongTotal(corpus.bankStatement(1));
        Extraction e = extractor.extract(StatementCorpus.textPdf(wrong));
        assertThat(e.fields().get("closing_balance")).isEqualTo(wrong.fields().get("closing_balance"));
        assertThat(e.totalsOk()).isFalse();
        assertThat(e.warnings()).anyMatch(w -> w.startsWith("totals do not add up: balance"));
    }

    @Test
    void aTypeAddedByConfigurationIsClassifiedAndExtracted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("types.json");
        Files.writeString(file, """
                {"types":[{"id":"fund_confirmation","name":"基金确认单","keywords":["基金确认单","Fund Confirmation"],"minKeywords":1,
                  "fields":[{"name":"fund_code","labels":["基金代码","Fund Code"],"kind":"text","pattern":"[0-9]{6}"},
                            {"name":"units","labels":["确认份额","Units"],"kind":"amount"}]}]}""");
        var doc = new StatementCorpus.Statement("fund_confirmation", 0, Map.of(), List.of(), List.of(
                new String[] {"基金确认单"}, new String[] {"基金代码：000001"}, new String[] {"确认份额：1,000.50"}));
        try (var custom = new DocumentExtractor(DocumentTypes.load(file.toString()), TesseractOcr.DEFAULT_DATAPATH)) {
            Extraction e = custom.extract(StatementCorpus.textPdf(doc));
            assertThat(e.type()).isEqualTo("fund_confirmation");
            assertThat(e.fields()).containsEntry("fund_code", "000001").containsEntry("units", "1000.50");
        }
    }

    @Test
    void badFilesAreRejectedWithAReason() throws Exception {
        byte[] png = StatementCorpus.png(new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY));
        byte[] pdf = StatementCorpus.textPdf(corpus.clearingStatement(0));
        assertRejected(new byte[0], DocumentRejectedException.Reason.EMPTY);
        assertRejected("hello, not a document".getBytes(StandardCharsets.UTF_8), DocumentRejectedException.Reason.UNSUPPORTED_FORMAT);
        assertRejected(Arrays.copyOf(png, 40), DocumentRejectedException.Reason.CORRUPT);
        assertRejected(Arrays.copyOf(pdf, pdf.length / 3), DocumentRejectedException.Reason.CORRUPT);
        assertRejected(encrypted(pdf), DocumentRejectedException.Reason.PASSWORD_PROTECTED);
        assertRejected(pngHeader(100_000, 100_000), DocumentRejectedException.Reason.TOO_LARGE);
    }

    @Test
    void aHundredMegapixelImageIsDecodedSubsampledWithinBoundedMemory() throws Exception {
        BufferedImage huge = new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY); // 12.5 MB as 1 bit
        var out = new ByteArrayOutputStream();
        ImageIO.write(huge, "png", out);
        huge = null;
        ImageLoader.Loaded loaded = new ImageLoader().load(out.toByteArray());
        assertThat(loaded.originalWidth()).isEqualTo(10_000);
        assertThat(loaded.subsampling()).isEqualTo(3);
        assertThat((long) loaded.image().getWidth() * loaded.image().getHeight()).isLessThanOrEqualTo(ImageLoader.MAX_DECODE_PIXELS);
    }

    @Test
    void deskewFindsTheRotationOfAScan() {
        assertThat(StatementCorpus.fontsAvailable()).as("the CJK font must be installed (./test.sh installs it)").isTrue();
        var page = corpus.render(corpus.bankStatement(0));
        double skew = PageSkew.estimate(corpus.noisy(page, 1.7));
        assertThat(skew).isBetween(1.4, 2.0);
        assertThat(PageSkew.estimate(corpus.noisy(page, -0.8))).isBetween(-1.1, -0.5);
    }

    private static void assertRejected(byte[] content, DocumentRejectedException.Reason reason) {
        assertThatThrownBy(() -> extractor.extract(content)).isInstanceOf(DocumentRejectedException.class)
                .extracting(e -> ((DocumentRejectedException) e).reason()).isEqualTo(reason);
    }

    static byte[] encrypted(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            var policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A PNG signature and IHDR chunk (valid CRC) claiming the given size, and no pixel data. */
    static byte[] pngHeader(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        byte[] ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array();
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr);
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
