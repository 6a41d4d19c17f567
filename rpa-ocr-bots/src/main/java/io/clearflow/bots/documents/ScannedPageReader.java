package io.clearflow.bots.documents;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a scanned page: prepared ({@link PagePreprocessor}), read by Tesseract with the Chinese model, and read again
 * in English where Latin text needs it (the whole page when it has almost no Chinese, else cell by cell).
 */
final class ScannedPageReader {

    private final PagePreprocessor preprocessor = new PagePreprocessor();
    private final Supplier<TesseractOcr> ocr;

    ScannedPageReader(Supplier<TesseractOcr> ocr) {
        this.ocr = ocr;
    }

    /** The page's lines and boxed words; a deskew worth mentioning is added to the warnings. */
    TesseractOcr.Page read(BufferedImage page, int dpi, List<String> warnings, int pageIndex) {
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
}
