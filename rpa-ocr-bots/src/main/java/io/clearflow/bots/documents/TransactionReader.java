package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a document type's transaction lines with its configured patterns: date, amount and direction normalised, a
 * direction word OCR garbled read tolerantly, a counterparty one character from a known one corrected, each value
 * with its confidence and flagged below the threshold.
 */
final class TransactionReader {

    private TransactionReader() {
    }

    /**
     * Adds to {@code out} one transaction per line that one of the type's patterns matches (directions as configured
     * first); each value's confidence, corrections and warnings go to the extraction's maps and lists.
     */
    static void read(DocumentTypes.Transactions spec, List<TextLine> lines, List<Map<String, String>> out,
                     Map<String, Double> confidence, List<String> low, List<String> warnings,
                     Map<String, String> corrections, double threshold) {
        Map<String, String> directions = spec.directions() == null ? Map.of() : spec.directions();
        String directionAlternatives = directions.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElse("(?!)");
        List<Pattern> patterns = new ArrayList<>();
        // first the direction as configured, then any short token in its place: a one-character direction (借, 贷) is
        // the word OCR misreads most (倍, 人借) and the rest of the line is still a transaction; the token is then
        // read tolerantly (directionOf) or the direction inferred from the totals (TotalsCheck)
        for (String direction : List.of("(?:" + directionAlternatives + ")", "\\S{1,8}", "")) {
            for (String p : spec.patterns()) {
                String optional = "(?<direction>{direction})\\s+";
                if (direction.isEmpty() && !p.contains(optional)) {
                    continue;
                }
                // last: no direction word at all where the pattern has one followed by blanks (OCR lost the glyph)
                String q = direction.isEmpty() ? p.replace(optional, "(?:(?<direction>\\S{1,8})\\s+)?") : p.replace("{direction}", direction);
                patterns.add(Pattern.compile(q.replace("{date}", FieldValues.DATE).replace("{amount}", "-?" + FieldValues.AMOUNT),
                        Pattern.CASE_INSENSITIVE));
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
                        case "date" -> FieldValues.normalise("date", null, raw);
                        case "amount" -> FieldValues.normalise("amount", null, raw);
                        case "direction" -> directionOf(directions, raw);
                        default -> raw.strip();
                    };
                    double c = FieldExtractor.round(line.confidence(m.start(name), m.end(name)));
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
                        c = FieldExtractor.round(c * ValueReader.CORRECTED_FACTOR);
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
}
