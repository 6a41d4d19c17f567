package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.Comparator;
import io.clearflow.bots.documents.PageLayout.Cell;
import java.util.List;

/**
 * Builds a {@link PageLayout} from one page's word boxes: words whose vertical extents overlap by half the smaller
 * height share a row; within a row, a horizontal gap wider than {@link #CELL_GAP} times the page's median word height
 * separates cells (table cells, a right-aligned value, the second of two key-value columns).
 */
final class LayoutBuilder {

    /** A gap between words wider than this many median word heights starts a new cell. */
    static final double CELL_GAP = 1.3;

    private LayoutBuilder() {
    }

    static PageLayout build(List<Word> words) {
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

    /**
     * A word of punctuation only (. _ — * ; （), other than a minus sign: specks and ruling remains read as characters,
     * kept out of the cells' text (a date followed by a speck is still a date), though it still bridges a gap.
     */
    static boolean dirt(Word w) {
        String t = w.text().strip();
        return t.codePoints().noneMatch(Character::isLetterOrDigit) && !t.equals("-") && !t.equals("−");
    }


    private static double median(int[] sorted) {
        if (sorted.length == 0) {
            return 1;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }
}
