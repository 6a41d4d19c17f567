package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label-anchored extraction: a field's value is what follows one of its labels (on the same line, or at the
 * start of the next when the label stands alone), read with the field's value pattern. No pixel positions,
 * so layouts may differ between banks. A value is trusted only as far as the weakest OCR word in it.
 */
public final class FieldExtractor {

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
            type.fields().stream().filter(f -> f != field).forEach(f -> f.allLabels().forEach(l -> otherLabels.add(LabelPatterns.compact(l))));
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
            TransactionReader.read(type.transactions(), rows, transactions, confidence, low, warnings, corrections, threshold);
        }
        TotalsCheck.inferDirections(type, fields, transactions, corrections, warnings);
        List<Extraction.CheckResult> checks = new ArrayList<>();
        for (DocumentTypes.Check check : type.checks()) {
            Extraction.CheckResult r = TotalsCheck.check(check, fields, transactions);
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
        Pattern value = Pattern.compile(CURRENCY + "(" + FieldValues.valuePattern(field) + ")(?![0-9A-Za-z])");
        Found exact = find(field, lines, value, false, otherLabels);
        if (exact != null) {
            return exact;
        }
        Found fuzzy = find(field, lines, value, true, otherLabels);
        return fuzzy == null ? null : fuzzy.times(FUZZY_LABEL_FACTOR);
    }

    private Found find(DocumentTypes.Field field, List<TextLine> lines, Pattern value, boolean fuzzy, Set<String> otherLabels) {
        for (String label : field.allLabels()) {
            Pattern labelPattern = fuzzy ? LabelPatterns.fuzzyLabelPattern(label) : LabelPatterns.labelPattern(label);
            if (labelPattern == null) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                TextLine line = lines.get(i);
                Matcher m = labelPattern.matcher(line.text());
                while (m.find()) {
                    if (fuzzy && otherLabels.contains(LabelPatterns.compact(m.group()))) {
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
        String normalised = FieldValues.normalise(field, m.group(1));
        if (normalised == null) {
            return null;
        }
        return new Found(normalised, text.confidence(m.start(1), m.end(1)));
    }

    /** Confidences are reported to 3 decimals. */
    static double round(double c) {
        return Math.round(c * 1000) / 1000.0;
    }
}
