package io.clearflow.bots.documents;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Turns a file into lines of text and words with their boxes (for layout-aware extraction). PDFs with a text layer
 * are read directly (PDFBox, exact, confidence 1, word boxes from the text positions);
 * scanned PDFs (pages without text) are rendered at 300 dpi and images are decoded, then both are
 * deskewed, binarised and read by Tesseract. The format is recognised from the content, not the name.
 */
public final class DocumentReader {

    public static final int OCR_DPI = 300;
    static final int MAX_PDF_PAGES = 20;
    /** A page with fewer characters than this in its text layer is taken as scanned. */
    static final int MIN_TEXT_LAYER_CHARS = 20;
    static final int PREVIEW_WIDTH = 1240;

    public enum Format { PDF, PNG, JPEG, TIFF, UNKNOWN }

    private final ImageLoader images = new ImageLoader();
    private final PagePreprocessor preprocessor = new PagePreprocessor();
    private final java.util.function.Supplier<TesseractOcr> ocr;

    /** @param ocr supplies the OCR engine when a page needs it (lazily: text-layer PDFs never load Tesseract) */
    public DocumentReader(java.util.function.Supplier<TesseractOcr> ocr) {
        this.ocr = ocr;
    }

    public static Format sniff(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return Format.PDF;
        }
        if (c.length >= 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G') {
            return Format.PNG;
        }
        if (c.length >= 3 && (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (c.length >= 4 && ((c[0] == 'I' && c[1] == 'I' && c[2] == 42 && c[3] == 0)
                || (c[0] == 'M' && c[1] == 'M' && c[2] == 0 && c[3] == 42))) {
            return Format.TIFF;
        }
        return Format.UNKNOWN;
    }

    public ReadDocument read(byte[] content) {
        return read(content, true);
    }

    /** @param withPreview whether to make the first-page image for people (rendering it costs more than reading text) */
    public ReadDocument read(byte[] content, boolean withPreview) {
        if (content == null || content.length == 0) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.EMPTY, "the file is empty (0 bytes)");
        }
        return switch (sniff(content)) {
            case PDF -> readPdf(content, withPreview);
            case PNG, JPEG, TIFF -> readImage(content);
            case UNKNOWN -> throw new DocumentRejectedException(DocumentRejectedException.Reason.UNSUPPORTED_FORMAT,
                    "not a PDF, PNG, JPEG or TIFF file");
        };
    }

    private ReadDocument readImage(byte[] content) {
        ImageLoader.Loaded loaded = images.load(content);
        List<String> warnings = new ArrayList<>();
        int dpi = OCR_DPI;
        if (loaded.subsampling() > 1) {
            warnings.add("image of " + loaded.originalWidth() + "x" + loaded.originalHeight()
                    + " pixels was read at 1/" + loaded.subsampling() + " resolution to bound memory");
            dpi = Math.max(70, OCR_DPI / loaded.subsampling());
        }
        TesseractOcr.Page page = ocrPage(loaded.image(), dpi, warnings, 0);
        return new ReadDocument(page.lines(), "ocr", 1, preview(loaded.image()), warnings, page.words(), page.otherReading());
    }

    private ReadDocument readPdf(byte[] content, boolean withPreview) {
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
            int pages = pdf.getNumberOfPages();
            if (pages == 0) {
                throw new DocumentRejectedException(DocumentRejectedException.Reason.CORRUPT, "the PDF has no pages");
            }
            List<String> warnings = new ArrayList<>();
            if (pages > MAX_PDF_PAGES) {
                warnings.add("only the first " + MAX_PDF_PAGES + " of " + pages + " pages were read");
                pages = MAX_PDF_PAGES;
            }
            WordStripper stripper = new WordStripper();
            stripper.setSortByPosition(true);
            PDFRenderer renderer = new PDFRenderer(pdf);
            List<TextLine> lines = new ArrayList<>();
            List<Word> words = new ArrayList<>();
            List<Word> otherReading = new ArrayList<>();
            boolean ocrUsed = false;
            BufferedImage preview = null;
            for (int i = 1; i <= pages; i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                stripper.start(i - 1);
                String text = stripper.getText(pdf);
                if (text.strip().length() >= MIN_TEXT_LAYER_CHARS) {
                    text.lines().filter(l -> !l.isBlank()).forEach(l -> lines.add(TextLine.certain(l.strip())));
                    words.addAll(stripper.words());
                    if (i == 1 && withPreview) {
                        preview = preview(renderer.renderImageWithDPI(0, 110, ImageType.GRAY));
                    }
                } else {
                    BufferedImage page = renderer.renderImageWithDPI(i - 1, OCR_DPI, ImageType.GRAY);
                    TesseractOcr.Page read = ocrPage(page, OCR_DPI, warnings, i - 1);
                    lines.addAll(read.lines());
                    words.addAll(read.words());
                    otherReading.addAll(read.otherReading());
                    ocrUsed = true;
                    if (i == 1) {
                        preview = preview(page);
                    }
                }
            }
            return new ReadDocument(lines, ocrUsed ? "ocr" : "text-layer", pages, preview, warnings, words, otherReading);
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.PASSWORD_PROTECTED,
                    "the PDF is password-protected", e);
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.CORRUPT,
                    "the PDF is corrupt or truncated: " + e.getMessage(), e);
        }
    }

    private TesseractOcr.Page ocrPage(BufferedImage page, int dpi, List<String> warnings, int pageIndex) {
        PagePreprocessor.Prepared prepared = preprocessor.prepare(page);
        if (Math.abs(prepared.skewDegrees()) >= 0.1) {
            warnings.add(String.format(java.util.Locale.ROOT, "page deskewed by %.2f degrees", prepared.skewDegrees()));
        }
        int readDpi = dpi; // enlarged small print looks like print at the assumed resolution
        TesseractOcr.Page read = ocr.get().readPage(prepared.image(), readDpi, pageIndex);
        // chi_sim reads Chinese best but garbles English words; a page with (almost) no Chinese is read again in eng
        if (cjkShare(read.lines()) < 0.02) {
            read = ocr.get().readPageLatin(prepared.image(), readDpi, pageIndex);
        } else {
            read = rereadLatinCells(read, prepared.image(), readDpi, pageIndex);
        }
        return read;
    }

    /** One line of English: the setup that re-reads cells without Chinese on mixed pages. */
    static final TesseractOcr.Engine LATIN_LINE = new TesseractOcr.Engine("eng",
            net.sourceforge.tess4j.ITessAPI.TessPageSegMode.PSM_SINGLE_LINE,
            net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY, java.util.Map.of("preserve_interword_spaces", "1"));

    /**
     * On a page read with the Chinese model, each cell without Chinese (numbers, dates, codes, English labels), or with
     * one Chinese character among four or more Latin letters and digits, is read
     * again with the English model as one line: chi_sim reads Latin digits worse ({@code 1534100 .96}, {@code 2025/6037/14}).
     * The English reading replaces the cell's words when it has any; the first reading is kept as the other reading.
     */
    private TesseractOcr.Page rereadLatinCells(TesseractOcr.Page read, BufferedImage page, int dpi, int pageIndex) {
        List<Word> out = new ArrayList<>();
        List<Word> first = new ArrayList<>();
        for (PageLayout layout : PageLayout.of(read.words())) {
            int pad = (int) Math.round(layout.wordHeight() * 0.35);
            for (List<PageLayout.Cell> row : layout.rows()) {
                for (PageLayout.Cell cell : row) {
                    // a code chi_sim read with one Chinese look-alike in it (D 了 19051 for DH19051) is Latin all the same
                    String t = cell.text().text();
                    long cjk = t.codePoints().filter(TextLine::isCjk).count();
                    long alnum = t.codePoints().filter(c -> c < 128 && Character.isLetterOrDigit(c)).count();
                    boolean latin = (cjk == 0 && alnum > 0) || (cjk == 1 && alnum >= 4);
                    List<Word> again = latin ? readCrop(page, cell, pad, dpi, pageIndex) : List.of();
                    out.addAll(again.isEmpty() ? cell.words() : again);
                    if (!again.isEmpty()) {
                        first.addAll(cell.words());
                    }
                }
            }
        }
        return new TesseractOcr.Page(read.lines(), out, first);
    }

    private List<Word> readCrop(BufferedImage page, PageLayout.Cell cell, int pad, int dpi, int pageIndex) {
        int x0 = Math.max(0, cell.x0() - pad);
        int y0 = Math.max(0, cell.y0() - pad);
        int x1 = Math.min(page.getWidth(), cell.x1() + pad);
        int y1 = Math.min(page.getHeight(), cell.y1() + pad);
        if (x1 - x0 < 4 || y1 - y0 < 4) {
            return List.of();
        }
        BufferedImage crop = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = crop.createGraphics();
        g.drawImage(page.getSubimage(x0, y0, x1 - x0, y1 - y0), 0, 0, null);
        g.dispose();
        List<Word> read = ocr.get().readPage(LATIN_LINE, crop, dpi, pageIndex).words();
        return read.stream().map(w -> new Word(w.text(), pageIndex, w.x0() + x0, w.y0() + y0, w.x1() + x0, w.y1() + y0,
                w.confidence())).toList();
    }

    /**
     * The text layer's words with their boxes (PDF points scaled to {@link #OCR_DPI} pixels, top-down), split at blanks,
     * collected while PDFBox extracts the text.
     */
    static final class WordStripper extends PDFTextStripper {

        private static final float SCALE = OCR_DPI / 72f;
        private final List<Word> words = new ArrayList<>();
        private int page;

        void start(int pageIndex) {
            page = pageIndex;
            words.clear();
        }

        List<Word> words() {
            return List.copyOf(words);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            super.writeString(text, positions);
            StringBuilder word = new StringBuilder();
            float[] box = null;
            for (TextPosition p : positions) {
                String u = p.getUnicode();
                if (u == null || u.isBlank()) {
                    add(word, box);
                    word.setLength(0);
                    box = null;
                    continue;
                }
                float x0 = p.getXDirAdj();
                float y1 = p.getYDirAdj();
                float y0 = y1 - Math.max(p.getHeightDir(), 1f);
                float x1 = x0 + p.getWidthDirAdj();
                box = box == null ? new float[] {x0, y0, x1, y1}
                        : new float[] {Math.min(box[0], x0), Math.min(box[1], y0), Math.max(box[2], x1), Math.max(box[3], y1)};
                word.append(u);
            }
            add(word, box);
        }

        private void add(StringBuilder word, float[] box) {
            if (box != null && word.length() > 0) {
                words.add(new Word(word.toString(), page, Math.round(box[0] * SCALE), Math.round(box[1] * SCALE),
                        Math.round(box[2] * SCALE), Math.round(box[3] * SCALE), 1f));
            }
        }
    }

    static double cjkShare(List<TextLine> lines) {
        long cjk = 0;
        long all = 0;
        for (TextLine l : lines) {
            for (int cp : l.text().codePoints().toArray()) {
                if (!Character.isWhitespace(cp)) {
                    all++;
                    if (TextLine.isCjk(cp)) {
                        cjk++;
                    }
                }
            }
        }
        return all == 0 ? 1 : (double) cjk / all;
    }

    static BufferedImage preview(BufferedImage page) {
        if (page.getWidth() <= PREVIEW_WIDTH) {
            return page;
        }
        int h = (int) Math.round((double) page.getHeight() * PREVIEW_WIDTH / page.getWidth());
        return GreyImage.resized(page, PREVIEW_WIDTH, h);
    }
}
