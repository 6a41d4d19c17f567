package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds one field's value on pages laid out as rows and cells ({@link PageLayout}): its label is looked for in every
 * cell ({@link LabelMatcher}: labels and synonyms, exact before fuzzy, longer before shorter, reading order), and the
 * value is taken, whichever the page shows, after the label in the same cell, in the next cell to the right, or in
 * the cell below in the same column. A value must fit the field's pattern entirely (up to a word boundary); one that
 * fits only with look-alike characters swapped is corrected ({@link LookAlikes}) when the correction is unique, and
 * the correction is noted; a number or date whose separators OCR misread is read back ({@link SeparatorRepair}).
 * Spring-free.
 */
final class LayoutLocator {

    /** Below 1: a corrected value is slightly less certain than one read as it stands. */
    static final double CORRECTED_FACTOR = 0.95;

    /** Separators and specks before a value (never a minus sign: that belongs to a signed amount). */
    private static final Pattern LEAD = Pattern.compile("^[\\s:|*•·,;'\"_~—…]*");
    private static final Pattern CURRENCY = Pattern.compile("^(?:(?:CNY|RMB|¥|￥)\\s*)?");
    private static final Pattern TOKEN = Pattern.compile("^\\S+");
    private static final Pattern RUN = Pattern.compile("^[0-9A-Za-z,.\\-/ 年月日|!]+");

    private final DocumentTypes.Field field;
    private final DocumentTypes.Type type;
    private final List<PageLayout> pages;
    private final Set<String> otherLabels;
    private final Pattern value;
    private final Pattern whole;
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
        String v = FieldValues.valuePattern(field);
        // a number does not stop before more digits: 421 900 is not 421
        String after = numeric() ? "(?![0-9A-Za-z])(?![.,]? ?[0-9])" : "(?![0-9A-Za-z])";
        this.value = Pattern.compile("(" + v + ")" + after);
        this.whole = Pattern.compile(v);
    }

    private boolean numeric() {
        return switch (field.kind()) {
            case "amount", "signed-amount", "integer" -> true;
            default -> false;
        };
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
        FieldExtractor.Found f = valueAt(c.text().from(c.match().end()));
        if (f == null || f.ambiguous() != null) {
            TextLine other = otherText(c.cell());
            LabelMatcher.Match m = other == null ? null : LabelMatcher.find(other.text(), c.label());
            f = settle(f, m == null ? null : valueAt(other.from(m.end())));
            if (f != null && f.ambiguous() != null) {
                f = byWidth(f, c.cell(), pages.get(c.page()));
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
        FieldExtractor.Found f = valueAt(halfWidth(cell.text()));
        if (f != null && f.ambiguous() == null) {
            return f;
        }
        TextLine other = otherText(cell);
        f = settle(f, other == null ? null : valueAt(other));
        return f != null && f.ambiguous() != null ? byWidth(f, cell, pages.get(page)) : f;
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
            return new FieldExtractor.Found(f.ambiguous(), f.confidence() * CORRECTED_FACTOR,
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

    /**
     * One value from two readings of a cell: the second ({@code g}, the first reading) settles a value the first
     * leaves ambiguous when it reads one of its two readings unambiguously, or supplies one the first does not fit.
     */
    private static FieldExtractor.Found settle(FieldExtractor.Found f, FieldExtractor.Found g) {
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

    private static FieldExtractor.Found withCell(FieldExtractor.Found f, int page, PageLayout.Cell cell) {
        return new FieldExtractor.Found(f.value(), f.confidence(), f.note(), f.ambiguous(),
                page + ":" + cell.row() + ":" + cell.index());
    }

    /** The value at the start of the text (after separators and a currency), as read or corrected; null if none fits. */
    FieldExtractor.Found valueAt(TextLine line) {
        String text = line.text();
        int at = skip(LEAD, text, 0);
        at = skip(CURRENCY, text, at);
        Matcher m = value.matcher(text).region(at, text.length());
        if (m.lookingAt()) {
            String normalised = normalise(m.group(1));
            if (normalised != null) {
                String alternative = "text".equals(field.kind()) ? LookAlikes.alternative(m.group(1).strip(), whole) : null;
                return new FieldExtractor.Found(normalised, line.confidence(m.start(1), m.end(1)), null, alternative, null);
            }
        }
        String repaired = "date".equals(field.kind()) ? SeparatorRepair.date(text.substring(at))
                : SeparatorRepair.number(field.kind(), text.substring(at));
        if (repaired != null) {
            String normalised = normalise(repaired);
            if (normalised != null) {
                int end = Math.min(text.length(), at + text.substring(at).strip().length());
                String token = "date".equals(field.kind()) ? text.substring(at).strip().split("\\s+")[0] : text.substring(at).strip();
                end = "date".equals(field.kind()) ? at + text.substring(at).indexOf(token) + token.length() : end;
                boolean pointLost = !"date".equals(field.kind()) && SeparatorRepair.decimalPointLost(text.substring(at));
                // a lost decimal point is read from the layout of the digits alone: a person confirms it
                return new FieldExtractor.Found(normalised, line.confidence(at, end) * (pointLost ? SHORT_MISREAD : CORRECTED_FACTOR),
                        token + " → " + normalised + (pointLost ? " (decimal point lost)" : " (separators misread)"), null, null);
            }
        }
        for (Pattern token : List.of(TOKEN, RUN)) {
            Matcher t = token.matcher(text).region(at, text.length());
            if (!t.lookingAt()) {
                continue;
            }
            String raw = t.group().strip().replaceAll("[,.;]+$", "");
            LookAlikes.Correction c = LookAlikes.correct(raw, whole);
            String normalised = c == null ? null : normalise(c.value());
            if (normalised != null) {
                return new FieldExtractor.Found(normalised, line.confidence(t.start(), t.start() + raw.length()) * CORRECTED_FACTOR,
                        c.note(), null, null);
            }
        }
        return null;
    }

    private String normalise(String raw) {
        try {
            return FieldValues.normalise(field, raw);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int skip(Pattern p, String text, int from) {
        Matcher m = p.matcher(text).region(from, text.length());
        return m.lookingAt() ? m.end() : from;
    }

    private static TextLine halfWidth(TextLine line) {
        return new TextLine(LabelMatcher.halfWidth(line.text()), line.charConfidence());
    }
}
