package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A page as rows and cells, built from word boxes only: words whose vertical extents overlap by half the smaller
 * height share a row; within a row, a horizontal gap wider than {@link #CELL_GAP} times the page's median word height
 * separates cells (table cells, a right-aligned value, the second of two key-value columns). Spring-free; the same
 * for OCR words and text-layer PDF words.
 */
public final class PageLayout {

    /** A gap between words wider than this many median word heights starts a new cell. */
    static final double CELL_GAP = 1.3;

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

    private PageLayout(List<List<Cell>> rows, double wordHeight) {
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

    static PageLayout page(List<Word> words) {
        List<Word> sorted = words.stream().filter(w -> !w.text().isBlank())
                .sorted(Comparator.comparingDouble(Word::centreY)).toList();
        if (sorted.isEmpty()) {
            return new PageLayout(List.of(), 1);
        }
        double h = median(sorted.stream().mapToInt(Word::height).sorted().toArray());
        List<List<Word>> bands = new ArrayList<>();
        List<double[]> spans = new ArrayList<>(); // per band: top, bottom of its words' median extent
        for (Word w : sorted) {
            int best = -1;
            for (int b = bands.size() - 1; b >= Math.max(0, bands.size() - 3); b--) {
                double[] s = spans.get(b);
                double overlap = Math.min(s[1], w.y1()) - Math.max(s[0], w.y0());
                if (overlap >= 0.5 * Math.min(s[1] - s[0], w.height())) {
                    best = b;
                    break;
                }
            }
            if (best < 0) {
                best = touching(bands, w, h);
            }
            if (best < 0) {
                bands.add(new ArrayList<>(List.of(w)));
                spans.add(new double[] {w.y0(), w.y1()});
            } else {
                bands.get(best).add(w);
                double[] s = spans.get(best);
                // a row's extent is that of its typical word, so one tall glyph does not swallow the next row
                List<Word> band = bands.get(best);
                s[0] = median(band.stream().mapToInt(Word::y0).sorted().toArray());
                s[1] = median(band.stream().mapToInt(Word::y1).sorted().toArray());
            }
        }
        // a word whose box took in a speck starts a band of its own just above or below its row: merge such bands
        for (int b = bands.size() - 1; b > 0; b--) {
            double[] s0 = spans.get(b - 1);
            double[] s1 = spans.get(b);
            double overlap = Math.min(s0[1], s1[1]) - Math.max(s0[0], s1[0]);
            if (overlap >= 0.5 * Math.min(s0[1] - s0[0], s1[1] - s1[0])) {
                bands.get(b - 1).addAll(bands.remove(b));
                spans.remove(b);
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (List<Word> band : bands) {
            List<Word> line = band.stream().sorted(Comparator.comparingInt(Word::x0)).toList();
            List<Cell> cells = new ArrayList<>();
            List<Word> current = new ArrayList<>();
            int lastX1 = Integer.MIN_VALUE;
            for (Word w : line) {
                // dirt bridges a gap (a bracket inside a label) but is no part of a cell's text
                if (lastX1 != Integer.MIN_VALUE && w.x0() - lastX1 > CELL_GAP * h) {
                    addCell(cells, rows.size(), current);
                    current = new ArrayList<>();
                }
                lastX1 = Math.max(lastX1, w.x1());
                if (!dirt(w)) {
                    current.add(w);
                }
            }
            addCell(cells, rows.size(), current);
            if (!cells.isEmpty()) {
                rows.add(List.copyOf(cells));
            }
        }
        return new PageLayout(List.copyOf(rows), h);
    }

    /**
     * A recent band holding a word that the given one touches on the left or right with its centre less than a word
     * height away: OCR sometimes boxes a word of a row a little too low or too high (费用 boxed 6 px tall under its
     * row), and it belongs with its neighbour all the same. -1 if none.
     */
    private static int touching(List<List<Word>> bands, Word w, double h) {
        for (int b = bands.size() - 1; b >= Math.max(0, bands.size() - 3); b--) {
            for (Word o : bands.get(b)) {
                int gap = Math.max(o.x0() - w.x1(), w.x0() - o.x1());
                if (gap < 0.5 * h && gap > -0.5 * h && Math.abs(o.centreY() - w.centreY()) < 0.8 * h) {
                    return b;
                }
            }
        }
        return -1;
    }

    private static void addCell(List<Cell> cells, int row, List<Word> words) {
        if (!words.isEmpty()) {
            cells.add(cell(row, cells.size(), words));
        }
    }

    private static Cell cell(int row, int index, List<Word> words) {
        int x0 = words.stream().mapToInt(Word::x0).min().orElse(0);
        int x1 = words.stream().mapToInt(Word::x1).max().orElse(0);
        int y0 = words.stream().mapToInt(Word::y0).min().orElse(0);
        int y1 = words.stream().mapToInt(Word::y1).max().orElse(0);
        TextLine text = TextLine.ofWords(words.stream().map(Word::text).toList(),
                words.stream().map(Word::confidence).toList());
        return new Cell(row, index, x0, y0, x1, y1, text, List.copyOf(words));
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

    /**
     * A word of punctuation only (. _ — * ; （), other than a minus sign: specks and ruling remains read as characters,
     * kept out of the cells' text (a date followed by a speck is still a date), though it still bridges a gap.
     */
    static boolean dirt(Word w) {
        String t = w.text().strip();
        return t.codePoints().noneMatch(Character::isLetterOrDigit) && !t.equals("-") && !t.equals("−");
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

    private static double median(int[] sorted) {
        if (sorted.length == 0) {
            return 1;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }
}
