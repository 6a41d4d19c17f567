package io.clearflow.bots.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document type's totals checks (opening + credits - debits = closing), and the directions no word gave that only
 * one assignment makes a check add up.
 */
final class TotalsCheck {

    private TotalsCheck() {
    }

    /**
     * Directions no word gave, inferred from a totals check that sums credits and debits: when exactly one assignment
     * of the missing directions makes the check add up, that is what the page says (arithmetic, not a guess). They stay
     * low-confidence, as the word was not read. Up to 6 missing directions (64 assignments).
     */
    static void inferDirections(DocumentTypes.Type type, Map<String, String> fields, List<Map<String, String>> txs,
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

    /** The check's result; null when a term or the total it is checked against was not found. */
    static Extraction.CheckResult check(DocumentTypes.Check check, Map<String, String> fields,
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
}
