package io.clearflow.bots.documents;

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

/**
 * Turns a file into lines of text and words with their boxes (for layout-aware extraction). PDFs with a text layer
 * are read directly (PDFBox, exact, confidence 1, word boxes from the text positions);
 * scanned PDFs (pages without text) are rendered at 300 dpi and images are decoded, then both are
 * deskewed, binarised and read by Tesseract ({@link ScannedPageReader}). The format is recognised from the content,
 * not the name.
 */
public final class DocumentReader {

    public static final int OCR_DPI = 300;
    static final int MAX_PDF_PAGES = 20;
    /** A page with fewer characters than this in its text layer is taken as scanned. */
    static final int MIN_TEXT_LAYER_CHARS = 20;
    static final int PREVIEW_WIDTH = 1240;

    public enum Format { PDF, PNG, JPEG, TIFF, UNKNOWN }

    private final ImageLoader images = new ImageLoader();
    private final ScannedPageReader scans;

    /** @param ocr supplies the OCR engine when a page needs it (lazily: text-layer PDFs never load Tesseract) */
    public DocumentReader(java.util.function.Supplier<TesseractOcr> ocr) {
        this.scans = new ScannedPageReader(ocr);
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
        TesseractOcr.Page page = scans.read(loaded.image(), dpi, warnings, 0);
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
                    TesseractOcr.Page read = scans.read(page, OCR_DPI, warnings, i - 1);
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

    static BufferedImage preview(BufferedImage page) {
        if (page.getWidth() <= PREVIEW_WIDTH) {
            return page;
        }
        int h = (int) Math.round((double) page.getHeight() * PREVIEW_WIDTH / page.getWidth());
        return GreyImage.resized(page, PREVIEW_WIDTH, h);
    }
}
