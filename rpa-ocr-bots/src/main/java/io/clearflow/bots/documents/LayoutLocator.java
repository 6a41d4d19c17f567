package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds one field's value on pages laid out as rows and cells ({@link PageLayout}): its label is looked for in every
 * cell ({@link LabelMatcher}: labels and synonyms, exact before fuzzy, longer before shorter, reading order), and the
 * value is taken, whichever the page shows, after the label in the same cell, in the next cell to the right, or in
 * the cell below in the same column. The value is read by {@link ValueReader}; one that fits two readings is settled
 * by {@link AmbiguousValues}. Spring-free.
 */
final class LayoutLocator {

    private final DocumentTypes.Field field;
    private final DocumentTypes.Type type;
    private final List<PageLayout> pages;
    private final Set<String> otherLabels;
    private final ValueReader values;
    private final List<Word> otherReading;

    LayoutLocator(DocumentTypes.Field field, DocumentTypes.Type type, List<PageLayout> pages, Set<String> otherLabels) {
        this(field, type, pages, otherLabels, List.of());
    }

    /** @param otherReading a first reading of cells whose words were read again (settles ambiguous values) */
    LayoutLocator(DocumentTypes.Field field, DocumentTypes.Type type, List<PageLayout> pages, Set<String> otherLabels,
                  List<Word> otherReading) {
        this.otherReading = otherReading;
        this.field = field;
        this.type = type;
        this.pages = pages;
        this.otherLabels = otherLabels;
        this.values = new ValueReader(field);
    }

    private record Candidate(int page, PageLayout.Cell cell, TextLine text, LabelMatcher.Match match, int labelLength,
                             String label) { }

    FieldExtractor.Found find() {
        List<Candidate> candidates = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            for (List<PageLayout.Cell> row : pages.get(p).rows()) {
                for (PageLayout.Cell cell : row) {
                    TextLine text = halfWidth(cell.text());
                    Candidate best = null;
                    for (String label : field.allLabels()) {
                        LabelMatcher.Match m = LabelMatcher.find(text.text(), label);
                        if (m == null || ownedByOtherField(text.text(), m)) {
                            continue;
                        }
                        int length = LabelPatterns.compact(label).length();
                        if (best == null || m.quality() > best.match().quality()
                                || (m.quality() == best.match().quality() && length > best.labelLength())) {
                            best = new Candidate(p, cell, text, m, length, label);
                        }
                    }
                    if (best != null) {
                        candidates.add(best);
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.match().quality())
                .thenComparingInt(c -> -c.labelLength()));
        for (Candidate c : candidates) {
            FieldExtractor.Found f = locate(c);
            if (f != null) {
                return f.times(c.match().quality());
            }
        }
        return shortLabelMisread();
    }

    /** Quality of a short label with one character misread: always below the threshold, so a person confirms it. */
    static final double SHORT_MISREAD = 0.74;

    /**
     * Last resort for short Chinese labels (2 or 3 characters: 数量, 手续费), too short for the fuzzy matching of longer
     * ones: a cell that is nothing but such a label with one character misread (数里, 于续费) is taken as it when no other
     * field has a label as close, and the value beside or below it fits. Always low-confidence.
     */
    private FieldExtractor.Found shortLabelMisread() {
        for (int p = 0; p < pages.size(); p++) {
            for (List<PageLayout.Cell> row : pages.get(p).rows()) {
                for (PageLayout.Cell cell : row) {
                    String text = LabelPatterns.compact(LabelMatcher.halfWidth(cell.text().text()));
                    String label = oneOff(text, field.allLabels());
                    if (label == null || otherLabels.contains(text)) {
                        continue;
                    }
                    boolean another = type.fields().stream().filter(f -> f != field).anyMatch(f -> oneOff(text, f.allLabels()) != null);
                    if (another) {
                        continue;
                    }
                    var c = new Candidate(p, cell, halfWidth(cell.text()),
                            new LabelMatcher.Match(0, cell.text().text().length(), SHORT_MISREAD), text.length(), label);
                    FieldExtractor.Found f = locate(c);
                    if (f != null) {
                        return f.times(SHORT_MISREAD);
                    }
                }
            }
        }
        return null;
    }

    /** The label of 2-3 Chinese characters that the text is with exactly one character substituted; null if none. */
    private static String oneOff(String text, List<String> labels) {
        int[] t = text.codePoints().toArray();
        if (t.length < 2 || t.length > 3 || !java.util.Arrays.stream(t).allMatch(TextLine::isCjk)) {
            return null;
        }
        for (String label : labels) {
            int[] l = LabelPatterns.compact(label).codePoints().toArray();
            if (l.length != t.length) {
                continue;
            }
            int diff = 0;
            for (int i = 0; i < l.length; i++) {
                diff += l[i] == t[i] ? 0 : 1;
            }
            if (diff == 1) {
                return label;
            }
        }
        return null;
    }

    /**
     * Whether the label found belongs to another field: a fuzzy match that is another field's label exactly, or a match
     * inside another field's label or in an open bracket after it (应收付净额（含费用）is not the fees' label).
     */
    private boolean ownedByOtherField(String text, LabelMatcher.Match m) {
        if (m.quality() < 1 && otherLabels.contains(LabelPatterns.compact(text.substring(m.start(), m.end())))) {
            return true;
        }
        for (DocumentTypes.Field other : type.fields()) {
            if (other == field) {
                continue;
            }
            for (String label : other.allLabels()) {
                Matcher o = LabelPatterns.labelPattern(label).matcher(text);
                while (o.find() && o.start() <= m.start()) {
                    boolean covers = o.end() > m.start() && o.end() - o.start() > m.end() - m.start();
                    // 应收付净额(含费用): a label in brackets after another qualifies it; two header labels run together do not
                    boolean before = o.end() <= m.start() && text.substring(o.end(), m.start()).matches("[^\\d]*\\([^)]*");
                    if (covers || before) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private FieldExtractor.Found locate(Candidate c) {
        FieldExtractor.Found f = values.read(c.text().from(c.match().end()));
        if (f == null || f.ambiguous() != null) {
            TextLine other = otherText(c.cell());
            LabelMatcher.Match m = other == null ? null : LabelMatcher.find(other.text(), c.label());
            f = AmbiguousValues.settle(f, m == null ? null : values.read(other.from(m.end())));
            if (f != null && f.ambiguous() != null) {
                f = AmbiguousValues.byWidth(f, c.cell(), pages.get(c.page()));
            }
        }
        if (f != null) {
            return f;
        }
        PageLayout page = pages.get(c.page());
        PageLayout.Cell right = page.rightOf(c.cell());
        if (right != null && (f = valueIn(c.page(), right)) != null) {
            return withCell(f, c.page(), right);
        }
        // under the label itself, not under the whole cell when the cell holds more (two header labels run together)
        int length = Math.max(1, c.text().text().length());
        int xa = c.cell().x0() + c.cell().width() * c.match().start() / length;
        int xb = c.cell().x0() + c.cell().width() * Math.max(c.match().start() + 1, c.match().end()) / length;
        PageLayout.Cell below = page.below(c.cell(), xa, xb);
        if (below != null && (f = valueIn(c.page(), below)) != null) {
            return withCell(f, c.page(), below);
        }
        return null;
    }

    /**
     * The value of a whole cell; where the cell was read twice, the first reading settles a value the second leaves
     * ambiguous (both read one of its two readings) or supplies one the second does not fit.
     */
    private FieldExtractor.Found valueIn(int page, PageLayout.Cell cell) {
        FieldExtractor.Found f = values.read(halfWidth(cell.text()));
        if (f != null && f.ambiguous() == null) {
            return f;
        }
        TextLine other = otherText(cell);
        f = AmbiguousValues.settle(f, other == null ? null : values.read(other));
        return f != null && f.ambiguous() != null ? AmbiguousValues.byWidth(f, cell, pages.get(page)) : f;
    }

    /** The first reading of a cell that was read twice; null when it was read once. */
    private TextLine otherText(PageLayout.Cell cell) {
        if (otherReading.isEmpty() || cell.words().isEmpty()) {
            return null;
        }
        int page = cell.words().get(0).page();
        List<Word> other = otherReading.stream().filter(w -> w.page() == page
                && (w.x0() + w.x1()) / 2 >= cell.x0() && (w.x0() + w.x1()) / 2 <= cell.x1()
                && (w.y0() + w.y1()) / 2 >= cell.y0() && (w.y0() + w.y1()) / 2 <= cell.y1())
                .sorted(Comparator.comparingInt(Word::x0)).toList();
        return other.isEmpty() ? null : halfWidth(TextLine.ofWords(other.stream().map(Word::text).toList(),
                other.stream().map(Word::confidence).toList()));
    }

    private static FieldExtractor.Found withCell(FieldExtractor.Found f, int page, PageLayout.Cell cell) {
        return new FieldExtractor.Found(f.value(), f.confidence(), f.note(), f.ambiguous(),
                page + ":" + cell.row() + ":" + cell.index());
    }

    private static TextLine halfWidth(TextLine line) {
        return new TextLine(LabelMatcher.halfWidth(line.text()), line.charConfidence());
    }
}
