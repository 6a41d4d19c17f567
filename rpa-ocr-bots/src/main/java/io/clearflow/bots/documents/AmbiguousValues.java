package io.clearflow.bots.documents;

/**
 * Settles a value that fits its field's pattern in two readings (a look-alike swapped): by the first reading of a cell
 * that was read twice, or by the width the value takes on the page.
 */
final class AmbiguousValues {

    private AmbiguousValues() {
    }

    /**
     * Settles an ambiguous code by the width it takes on the page: a glyph OCR doubled (MO05915 for M05915) makes the
     * reading one character longer than the ink. The expected width of each reading is counted in the page's digit
     * width (capitals 1.15 of it); the reading within 8 % of the word's width wins when the other is 15 % or more off.
     */
    static FieldExtractor.Found byWidth(FieldExtractor.Found f, PageLayout.Cell cell, PageLayout page) {
        Word word = cell.words().stream().filter(w -> w.text().strip().replaceAll("^[^A-Za-z0-9]+", "").equals(f.value()))
                .findFirst().orElse(null);
        double digit = page.digitWidth();
        if (word == null || digit <= 0) {
            return f;
        }
        String prefix = word.text().strip().substring(0, word.text().strip().length() - f.value().length());
        double actual = word.x1() - word.x0() - 0.4 * digit * prefix.length(); // a colon glued to the code
        double mine = Math.abs(expectedWidth(f.value(), digit) - actual) / actual;
        double theirs = Math.abs(expectedWidth(f.ambiguous(), digit) - actual) / actual;
        if (theirs <= 0.08 && mine >= 0.15) {
            return new FieldExtractor.Found(f.ambiguous(), f.confidence() * ValueReader.CORRECTED_FACTOR,
                    f.value() + " → " + f.ambiguous() + " (a look-alike doubled: the reading is wider than the ink)", null, f.cell());
        }
        if (mine <= 0.08 && theirs >= 0.15) {
            return new FieldExtractor.Found(f.value(), f.confidence(), f.note(), null, f.cell());
        }
        return f;
    }

    private static double expectedWidth(String s, double digit) {
        return s.chars().mapToDouble(c -> Character.isUpperCase(c) ? 1.15 * digit : digit).sum();
    }

    /**
     * One value from two readings of a cell: the second ({@code g}, the first reading) settles a value the first
     * leaves ambiguous when it reads one of its two readings unambiguously, or supplies one the first does not fit.
     */
    static FieldExtractor.Found settle(FieldExtractor.Found f, FieldExtractor.Found g) {
        if (g == null || g.ambiguous() != null) {
            return f;
        }
        if (f == null) {
            return g;
        }
        if (f.ambiguous() != null && (g.value().equals(f.value()) || g.value().equals(f.ambiguous()))) {
            return new FieldExtractor.Found(g.value(), Math.min(f.confidence(), g.confidence()), g.note(), null, null);
        }
        return f;
    }
}
