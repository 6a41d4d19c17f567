package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A page as rows and cells, built from word boxes only ({@link LayoutBuilder}), and where to look from a cell: the
 * next cell to the right, the cell below. Spring-free; the same for OCR words and text-layer PDF words.
 */
public final class PageLayout {

    /** Consecutive words of one row, with their union box and their text joined as a line. */
    public record Cell(int row, int index, int x0, int y0, int x1, int y1, TextLine text, List<Word> words) {

        int width() {
            return x1 - x0;
        }

        /** Horizontal overlap with [a, b]. */
        int overlap(int a, int b) {
            return Math.min(x1, b) - Math.max(x0, a);
        }
    }

    private final List<List<Cell>> rows;
    private final double wordHeight;

    PageLayout(List<List<Cell>> rows, double wordHeight) {
        this.rows = rows;
        this.wordHeight = wordHeight;
    }

    public List<List<Cell>> rows() {
        return rows;
    }

    /** The median word height, the page's unit of distance. */
    public double wordHeight() {
        return wordHeight;
    }

    /** One layout per page, in page order. */
    public static List<PageLayout> of(List<Word> words) {
        Map<Integer, List<Word>> pages = new TreeMap<>();
        words.forEach(w -> pages.computeIfAbsent(w.page(), k -> new ArrayList<>()).add(w));
        return pages.values().stream().map(PageLayout::page).toList();
    }

    /** One page's layout from its words. */
    static PageLayout page(List<Word> words) {
        return LayoutBuilder.build(words);
    }

    /** The median width of a digit in words of digits (and separators), 0 when there are none. */
    public double digitWidth() {
        // words of digits alone measure it best: a separator is 0.4 of a digit in proportional fonts but a whole one in
        // monospaced fonts (DejaVu Sans Mono), which skewed the width that settles a doubled look-alike
        double[] plain = rows.stream().flatMap(List::stream).flatMap(c -> c.words().stream())
                .filter(w -> w.text().matches("[0-9]{4,}"))
                .mapToDouble(w -> (w.x1() - w.x0()) / (double) w.text().length()).sorted().toArray();
        if (plain.length >= 2) {
            return plain[plain.length / 2];
        }
        // separators are narrow: counted as 0.4 of a digit
        double[] widths = rows.stream().flatMap(List::stream).flatMap(c -> c.words().stream())
                .filter(w -> w.text().matches("[0-9][0-9.,/-]{3,}"))
                .mapToDouble(w -> (w.x1() - w.x0()) / (w.text().replaceAll("[^0-9]", "").length()
                        + 0.4 * w.text().replaceAll("[0-9]", "").length())).sorted().toArray();
        return widths.length == 0 ? 0 : widths[widths.length / 2];
    }

    /** The next cell to the right in the same row, passing over specks (cells of punctuation only); null if none. */
    public Cell rightOf(Cell c) {
        List<Cell> row = rows.get(c.row());
        for (int i = c.index() + 1; i < row.size(); i++) {
            if (!speck(row.get(i))) {
                return row.get(i);
            }
        }
        return null;
    }

    /** A cell with no letter, digit or Chinese character: a ruling's remains or dirt read as punctuation. */
    static boolean speck(Cell c) {
        return c.text().text().codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** Each row as one line, its cells separated by two spaces (for reading table rows such as transactions). */
    public List<TextLine> rowLines() {
        List<TextLine> out = new ArrayList<>();
        for (List<Cell> row : rows) {
            StringBuilder text = new StringBuilder();
            List<Float> conf = new ArrayList<>();
            for (Cell c : row) {
                if (speck(c)) {
                    continue;
                }
                if (text.length() > 0) {
                    text.append("  ");
                    float edge = Math.min(conf.get(conf.size() - 1), c.text().confidence(0, 1));
                    conf.add(edge);
                    conf.add(edge);
                }
                TextLine cellText = c.text().withoutSpacesInNumbers();
                text.append(cellText.text());
                for (float f : cellText.charConfidence()) {
                    conf.add(f);
                }
            }
            if (text.length() > 0) {
                float[] cf = new float[conf.size()];
                for (int i = 0; i < cf.length; i++) {
                    cf[i] = conf.get(i);
                }
                out.add(new TextLine(text.toString(), cf));
            }
        }
        return out;
    }

    /**
     * The cell under {@code c} in the same column: in the nearest row below (within three word heights of blank
     * space) that has a cell overlapping c horizontally (widened by one word height), the most overlapping one.
     */
    public Cell below(Cell c) {
        return below(c, c.x0(), c.x1());
    }

    /** The cell under the part [xa, xb] of {@code c} (a label that is only part of its cell), as {@link #below(Cell)}. */
    public Cell below(Cell c, int xa, int xb) {
        int slack = (int) Math.round(wordHeight);
        int bottom = c.y1();
        for (int r = c.row() + 1; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            int top = row.stream().mapToInt(Cell::y0).min().orElse(bottom);
            if (top - bottom > 3 * wordHeight) {
                return null;
            }
            Cell best = null;
            for (Cell d : row) {
                if (speck(d)) {
                    continue;
                }
                int o = d.overlap(xa - slack, xb + slack);
                if (o > 0 && (best == null || o > best.overlap(xa - slack, xb + slack))) {
                    best = d;
                }
            }
            if (best != null) {
                return best;
            }
            bottom = row.stream().mapToInt(Cell::y1).max().orElse(bottom);
        }
        return null;
    }
}
