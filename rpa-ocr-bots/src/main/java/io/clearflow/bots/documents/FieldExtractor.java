package io.clearflow.bots.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label-anchored extraction: a field's value is what follows one of its labels (on the same line, or at the
 * start of the next when the label stands alone), read with the field's value pattern. No pixel positions,
 * so layouts may differ between banks. A value is trusted only as far as the weakest OCR word in it.
 */
public final class FieldExtractor {

    static final String DATE = "\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?";
    /**
     * Thousands grouped by commas, 2 decimals; OCR also gives a full stop for a comma and the other way round, or a
     * space after the comma (normalised to the same amount: the last separator before 2 final digits is the point).
     */
    static final String AMOUNT = "(?:\\d{1,3}(?:[,.] ?\\d{3})+|\\d+)[.,]\\d{2}";
    static final String INTEGER = "\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+";
    private static final Pattern DATE_PARTS = Pattern.compile("(\\d{4})\\D+(\\d{1,2})\\D+(\\d{1,2})");
    private static final String CURRENCY = "(?:(?:CNY|RMB|¥|￥)\\s*)?";

    private final DocumentTypes types;

    public FieldExtractor(DocumentTypes types) {
        this.types = types;
    }

    public Extraction extract(String typeId, ReadDocument doc) {
        List<String> warnings = new ArrayList<>(doc.warnings());
        var type = types.type(typeId).orElse(null);
        if (type == null) {
            warnings.add("unclassified: no configured document type matches; a person must classify it");
            return new Extraction(DocumentTypes.UNCLASSIFIED, null, Map.of(), List.of(), Map.of(), List.of(), List.of(),
                    warnings, doc.method(), doc.pages());
        }
        double threshold = types.lowConfidenceThreshold();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Double> confidence = new LinkedHashMap<>();
        List<String> low = new ArrayList<>();
        Map<String, String> corrections = new LinkedHashMap<>();
        List<PageLayout> layouts = PageLayout.of(doc.words());
        Map<String, String> valueCells = new LinkedHashMap<>(); // value cell (found right of or below its label) -> field
        for (DocumentTypes.Field field : type.fields()) {
            Set<String> otherLabels = new HashSet<>();
            type.fields().stream().filter(f -> f != field).forEach(f -> f.allLabels().forEach(l -> otherLabels.add(compact(l))));
            Found found = new LayoutLocator(field, type, layouts, otherLabels, doc.otherReading()).find();
            if (found == null && doc.words().isEmpty()) {
                // without word boxes (lines given by a caller): label and value on the same or the next line
                found = find(field, doc.lines(), otherLabels);
            }
            fields.put(field.name(), found == null ? null : found.value());
            double c = found == null ? 0 : found.confidence();
            confidence.put(field.name(), round(c));
            if (found != null && found.note() != null) {
                corrections.put(field.name(), found.note());
                warnings.add("corrected: " + field.name() + " " + found.note());
            }
            String sharedWith = found == null || found.cell() == null ? null : valueCells.putIfAbsent(found.cell(), field.name());
            if (found == null) {
                if (!field.optional()) {
                    low.add(field.name());
                    warnings.add("missing: " + field.name() + " (no label " + field.labels() + " with a valid value)");
                }
            } else if (found.ambiguous() != null) {
                low.add(field.name());
                warnings.add("ambiguous: " + field.name() + " = " + found.value() + " could also be read " + found.ambiguous());
            } else if (sharedWith != null) {
                low.add(field.name());
                if (!low.contains(sharedWith)) {
                    low.add(sharedWith); // one value under two labels: which one it belongs to is a person's call
                }
                warnings.add("ambiguous: " + field.name() + " = " + found.value() + " is the value found for " + sharedWith + " too");
            } else if (c < threshold) {
                low.add(field.name());
                warnings.add(String.format(Locale.ROOT, "low confidence: %s = %s (%.2f)", field.name(), found.value(), c));
            }
        }
        List<Map<String, String>> transactions = new ArrayList<>();
        if (type.transactions() != null) {
            // rows rebuilt from word boxes keep a table row together where OCR's own lines may split or merge it
            List<TextLine> rows = layouts.isEmpty() ? doc.lines()
                    : layouts.stream().flatMap(l -> l.rowLines().stream()).toList();
            readTransactions(type.transactions(), rows, transactions, confidence, low, warnings, corrections, threshold);
        }
        inferDirections(type, fields, transactions, corrections, warnings);
        List<Extraction.CheckResult> checks = new ArrayList<>();
        for (DocumentTypes.Check check : type.checks()) {
            Extraction.CheckResult r = check(check, fields, transactions);
            if (r != null) {
                checks.add(r);
                if (!r.ok()) {
                    warnings.add("totals do not add up: " + check.name() + " expected " + r.expected() + " but the document says "
                            + r.actual());
                }
            }
        }
        return new Extraction(type.id(), type.name(), fields, transactions, confidence, low, checks, warnings,
                doc.method(), doc.pages(), corrections);
    }

    /**
     * A value: its confidence, the correction made to it (null if none), another reading that fits the pattern as well
     * (null if none) and the cell it was taken from when that is not the label's own (null otherwise).
     */
    record Found(String value, double confidence, String note, String ambiguous, String cell) {
        Found(String value, double confidence) {
            this(value, confidence, null, null, null);
        }

        Found times(double factor) {
            return new Found(value, confidence * factor, note, ambiguous, cell);
        }
    }

    /** Below 1: a value found after a label OCR garbled by one character is less certain where it stands. */
    static final double FUZZY_LABEL_FACTOR = 0.9;

    private Found find(DocumentTypes.Field field, List<TextLine> lines, Set<String> otherLabels) {
        Pattern value = Pattern.compile(CURRENCY + "(" + valuePattern(field) + ")(?![0-9A-Za-z])");
        Found exact = find(field, lines, value, false, otherLabels);
        if (exact != null) {
            return exact;
        }
        Found fuzzy = find(field, lines, value, true, otherLabels);
        return fuzzy == null ? null : fuzzy.times(FUZZY_LABEL_FACTOR);
    }

    private Found find(DocumentTypes.Field field, List<TextLine> lines, Pattern value, boolean fuzzy, Set<String> otherLabels) {
        for (String label : field.allLabels()) {
            Pattern labelPattern = fuzzy ? fuzzyLabelPattern(label) : labelPattern(label);
            if (labelPattern == null) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                TextLine line = lines.get(i);
                Matcher m = labelPattern.matcher(line.text());
                while (m.find()) {
                    if (fuzzy && otherLabels.contains(compact(m.group()))) {
                        continue; // 期末余额 is one character from 期初余额, but it is another field's label
                    }
                    TextLine rest = line.from(m.end());
                    Found f = valueAt(field, value, rest);
                    if (f == null && rest.text().isBlank() && i + 1 < lines.size()) {
                        f = valueAt(field, value, lines.get(i + 1));
                    }
                    if (f != null) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    private Found valueAt(DocumentTypes.Field field, Pattern value, TextLine text) {
        Matcher m = value.matcher(text.text());
        if (!m.lookingAt()) {
            return null;
        }
        String normalised = normalise(field, m.group(1));
        if (normalised == null) {
            return null;
        }
        return new Found(normalised, text.confidence(m.start(1), m.end(1)));
    }

    static String valuePattern(DocumentTypes.Field field) {
        return switch (field.kind()) {
            case "date" -> DATE;
            case "amount" -> AMOUNT;
            case "signed-amount" -> "-?\\s?(?:" + AMOUNT + ")";
            case "integer" -> INTEGER;
            default -> field.pattern();
        };
    }

    /** The label with any spacing between its characters, then an optional colon. */
    static Pattern labelPattern(String label) {
        StringBuilder sb = new StringBuilder();
        for (int cp : label.codePoints().filter(c -> !Character.isWhitespace(c)).toArray()) {
            if (cp == '.') {
                sb.append("\\.?");
            } else if (cp == '/') {
                sb.append("[/|Il1]"); // OCR reads a slash as I, l, 1 or | (AIC No. for A/C No.)
            } else {
                sb.append(Pattern.quote(new String(Character.toChars(cp))));
            }
            sb.append("\\s*");
        }
        sb.append("[:：]?\\s*");
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * For Chinese labels of 4 or more characters: the label with one character misread or one extra character
     * inserted (成交人金额 for 成交金额), which OCR does to noisy scans. Null for other labels.
     */
    static Pattern fuzzyLabelPattern(String label) {
        int[] cps = label.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        if (cps.length < 4 || !java.util.Arrays.stream(cps).allMatch(TextLine::isCjk)) {
            return null;
        }
        List<String> variants = new ArrayList<>();
        for (int k = 0; k < cps.length; k++) {
            StringBuilder substituted = new StringBuilder();
            StringBuilder inserted = new StringBuilder();
            for (int i = 0; i < cps.length; i++) {
                String c = Pattern.quote(new String(Character.toChars(cps[i])));
                substituted.append(i == k ? "\\p{IsHan}" : c).append("\\s*");
                inserted.append(c).append("\\s*");
                if (i == k && k < cps.length - 1) {
                    inserted.append("\\p{IsHan}\\s*");
                }
            }
            variants.add(substituted.toString());
            if (k < cps.length - 1) {
                variants.add(inserted.toString());
            }
        }
        return Pattern.compile("(?:" + String.join("|", variants) + ")[:：]?\\s*");
    }

    static String compact(String s) {
        return s.replaceAll("[\\s:：]", "");
    }

    static String normalise(DocumentTypes.Field field, String raw) {
        return normalise(field.kind(), field.normalise(), raw);
    }

    static String normalise(String kind, String how, String raw) {
        String s = raw.strip();
        switch (kind) {
            case "date" -> {
                Matcher m = DATE_PARTS.matcher(s);
                if (!m.find()) {
                    return null;
                }
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))).toString();
                } catch (RuntimeException e) {
                    return null; // 2024-13-45 is not a date, whatever the pattern says
                }
            }
            case "amount", "signed-amount" -> {
                String plain = s.replace(" ", "");
                int point = Math.max(plain.lastIndexOf('.'), plain.lastIndexOf(','));
                // 1.055.82 and 56269,28 are 1,055.82 and 56269.28 misread
                plain = plain.substring(0, point).replaceAll("[.,]", "") + "." + plain.substring(point + 1);
                return new BigDecimal(plain).setScale(2).toPlainString();
            }
            case "integer" -> {
                return new BigDecimal(s.replace(",", "")).toPlainString();
            }
            default -> {
                if ("digits".equals(how)) {
                    return s.replaceAll("\\D", "");
                }
                return s;
            }
        }
    }

    private void readTransactions(DocumentTypes.Transactions spec, List<TextLine> lines, List<Map<String, String>> out,
                                  Map<String, Double> confidence, List<String> low, List<String> warnings,
                                  Map<String, String> corrections, double threshold) {
        Map<String, String> directions = spec.directions() == null ? Map.of() : spec.directions();
        String directionAlternatives = directions.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElse("(?!)");
        List<Pattern> patterns = new ArrayList<>();
        // first the direction as configured, then any short token in its place: a one-character direction (借, 贷) is
        // the word OCR misreads most (倍, 人借) and the rest of the line is still a transaction; the token is then
        // read tolerantly (directionOf) or the direction inferred from the totals (inferDirections)
        for (String direction : List.of("(?:" + directionAlternatives + ")", "\\S{1,8}", "")) {
            for (String p : spec.patterns()) {
                String optional = "(?<direction>{direction})\\s+";
                if (direction.isEmpty() && !p.contains(optional)) {
                    continue;
                }
                // last: no direction word at all where the pattern has one followed by blanks (OCR lost the glyph)
                String q = direction.isEmpty() ? p.replace(optional, "(?:(?<direction>\\S{1,8})\\s+)?") : p.replace("{direction}", direction);
                patterns.add(Pattern.compile(q.replace("{date}", DATE).replace("{amount}", "-?" + AMOUNT), Pattern.CASE_INSENSITIVE));
            }
        }
        for (TextLine line : lines) {
            for (Pattern p : patterns) {
                Matcher m = p.matcher(line.text());
                if (!m.find()) {
                    continue;
                }
                int index = out.size();
                Map<String, String> tx = new LinkedHashMap<>();
                for (String name : spec.fields()) {
                    String raw;
                    try {
                        raw = m.group(name);
                    } catch (IllegalArgumentException e) {
                        continue; // this pattern has no such group
                    }
                    if (raw == null && !"direction".equals(name)) {
                        continue;
                    }
                    if (raw == null) {
                        tx.put(name, null); // no direction word: inferred from the totals if it can be, flagged anyway
                        confidence.put("transactions[" + index + "]." + name, 0.0);
                        low.add("transactions[" + index + "]." + name);
                        continue;
                    }
                    String value = switch (name) {
                        case "date" -> normalise("date", null, raw);
                        case "amount" -> normalise("amount", null, raw);
                        case "direction" -> directionOf(directions, raw);
                        default -> raw.strip();
                    };
                    double c = round(line.confidence(m.start(name), m.end(name)));
                    String key = "transactions[" + index + "]." + name;
                    if ("direction".equals(name) && value != null && directions.keySet().stream().noneMatch(raw.strip()::equalsIgnoreCase)) {
                        c = Math.min(c, threshold / 2); // read from a garbled word: a person confirms it
                        corrections.put(key, raw.strip() + " → " + value + " (the one direction word in it)");
                    }
                    // free text has no pattern to correct it, but a firm knows its counterparties: a reading one
                    // character from exactly one of them is that one misread; the OCR confidence stays as weak as read
                    LookAlikes.Correction known = KnownValues.closest(value, spec.known().get(name));
                    if (known != null) {
                        value = known.value();
                        c = round(c * LayoutLocator.CORRECTED_FACTOR);
                        corrections.put(key, known.note());
                        warnings.add("corrected: " + key + " " + known.note());
                    }
                    tx.put(name, value);
                    confidence.put(key, c);
                    if (value == null || c < threshold) {
                        low.add(key);
                        warnings.add(String.format(Locale.ROOT, "low confidence: %s = %s (%.2f)", key, value, c));
                    }
                }
                out.add(tx);
                break;
            }
        }
    }

    /**
     * The direction a word stands for: a configured direction word as it stands; else the directions whose words it
     * holds (人借 holds 借: OCR glued a speck to it) or, for Latin words, is one edit from (Crdit), when they all mean
     * the same direction; null otherwise.
     */
    static String directionOf(Map<String, String> directions, String raw) {
        String word = raw.strip();
        String exact = directions.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(word))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (exact != null) {
            return exact;
        }
        Set<String> meant = new HashSet<>();
        String lower = word.toLowerCase(Locale.ROOT);
        directions.forEach((w, direction) -> {
            String k = w.toLowerCase(Locale.ROOT);
            boolean latin = k.codePoints().noneMatch(TextLine::isCjk);
            if (lower.contains(k) || (latin && k.length() >= 4 && KnownValues.distance(lower, k, 2) <= 1)) {
                meant.add(direction);
            }
        });
        return meant.size() == 1 ? meant.iterator().next() : null;
    }

    /**
     * Directions no word gave, inferred from a totals check that sums credits and debits: when exactly one assignment
     * of the missing directions makes the check add up, that is what the page says (arithmetic, not a guess). They stay
     * low-confidence, as the word was not read. Up to 6 missing directions (64 assignments).
     */
    private static void inferDirections(DocumentTypes.Type type, Map<String, String> fields, List<Map<String, String>> txs,
                                        Map<String, String> corrections, List<String> warnings) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            if (txs.get(i).containsKey("direction") && txs.get(i).get("direction") == null && txs.get(i).get("amount") != null) {
                missing.add(i);
            }
        }
        if (missing.isEmpty() || missing.size() > 6) {
            return;
        }
        for (DocumentTypes.Check check : type.checks()) {
            if (!check.sum().contains("+credits") && !check.sum().contains("-debits")) {
                continue;
            }
            String found = null;
            int fits = 0;
            for (int mask = 0; mask < 1 << missing.size(); mask++) {
                List<Map<String, String>> trial = new ArrayList<>(txs);
                for (int k = 0; k < missing.size(); k++) {
                    Map<String, String> t = new LinkedHashMap<>(txs.get(missing.get(k)));
                    t.put("direction", (mask >> k & 1) == 1 ? "credit" : "debit");
                    trial.set(missing.get(k), t);
                }
                Extraction.CheckResult r = check(check, fields, trial);
                if (r != null && r.ok()) {
                    fits++;
                    found = Integer.toString(mask);
                }
            }
            if (fits == 1) {
                int mask = Integer.parseInt(found);
                for (int k = 0; k < missing.size(); k++) {
                    String direction = (mask >> k & 1) == 1 ? "credit" : "debit";
                    txs.get(missing.get(k)).put("direction", direction);
                    String key = "transactions[" + missing.get(k) + "].direction";
                    corrections.put(key, "unreadable → " + direction + " (the only direction with which " + check.name() + " adds up)");
                    warnings.add("inferred: " + key + " = " + direction + " from the " + check.name() + " check");
                }
                return;
            }
        }
    }

    private static Extraction.CheckResult check(DocumentTypes.Check check, Map<String, String> fields,
                                                List<Map<String, String>> transactions) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String term : check.sum()) {
            int sign = term.startsWith("-") ? -1 : 1;
            String name = term.replaceFirst("^[+-]", "");
            BigDecimal v;
            if (name.equals("credits") || name.equals("debits")) {
                String direction = name.equals("credits") ? "credit" : "debit";
                v = transactions.stream().filter(t -> direction.equals(t.get("direction")) && t.get("amount") != null)
                        .map(t -> new BigDecimal(t.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            } else if (fields.get(name) != null) {
                v = new BigDecimal(fields.get(name));
            } else {
                return null; // a term is missing: already flagged as missing, nothing to check
            }
            sum = sign < 0 ? sum.subtract(v) : sum.add(v);
        }
        String actual = fields.get(check.equals());
        if (actual == null) {
            return null;
        }
        BigDecimal expected = sum.setScale(2, java.math.RoundingMode.HALF_UP);
        return new Extraction.CheckResult(check.name(), expected.compareTo(new BigDecimal(actual)) == 0,
                expected.toPlainString(), actual);
    }

    private static double round(double c) {
        return Math.round(c * 1000) / 1000.0;
    }
}
