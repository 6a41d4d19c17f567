package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact-match accuracy of extractions against the generated truth, per field: right, total, wrong but flagged
 * (missing or in {@code lowConfidence}) and wrong unflagged, which must never happen. Transaction fields count as
 * {@code transaction.<name>}. Used by the corpus test and the benchmark.
 */
final class CorpusScore {

    final Map<String, int[]> perField = new TreeMap<>();
    final List<String> misses = new ArrayList<>();
    int right;
    int total;
    int wrongUnflagged;

    void add(StatementCorpus.Statement truth, Extraction e, String where) {
        truth.fields().forEach((k, v) -> tally(where, k, v, e.fields().get(k), e.lowConfidence().contains(k)));
        // transactions are matched in order by amount or date, so one line missed does not shift all that follow;
        // a missed line is flagged when the document's totals check failed (it then goes to a person)
        int next = 0;
        for (Map<String, String> want : truth.transactions()) {
            int found = -1;
            for (int j = next; j < e.transactions().size() && found < 0; j++) {
                Map<String, String> got = e.transactions().get(j);
                if (want.get("amount").equals(got.get("amount")) || want.get("date").equals(got.get("date"))) {
                    found = j;
                }
            }
            Map<String, String> got = found < 0 ? Map.of() : e.transactions().get(found);
            int index = found;
            boolean missed = found < 0;
            next = missed ? next : found + 1;
            want.forEach((k, v) -> tally(where, "transaction." + k, v, got.get(k),
                    missed ? !e.totalsOk() : e.lowConfidence().contains("transactions[" + index + "]." + k)));
        }
    }

    private void tally(String where, String field, String expected, String got, boolean flagged) {
        int[] c = perField.computeIfAbsent(field, k -> new int[4]);
        c[1]++;
        total++;
        if (expected.equals(got)) {
            c[0]++;
            right++;
        } else if (flagged || (got == null && !field.startsWith("transaction."))) {
            c[2]++;
            misses.add(String.format("%s: %s expected %s got %s (flagged)", where, field, expected, got));
        } else {
            c[3]++;
            wrongUnflagged++;
            misses.add(String.format("%s: %s expected %s got %s (NOT FLAGGED)", where, field, expected, got));
        }
    }

    void addAll(CorpusScore other) {
        other.perField.forEach((k, v) -> {
            int[] c = perField.computeIfAbsent(k, x -> new int[4]);
            for (int i = 0; i < 4; i++) {
                c[i] += v[i];
            }
        });
        right += other.right;
        total += other.total;
        wrongUnflagged += other.wrongUnflagged;
        misses.addAll(other.misses);
    }

    double accuracy() {
        return total == 0 ? 1 : (double) right / total;
    }

    String summary() {
        return String.format(Locale.ROOT, "%5.1f %% (%d/%d, %d wrong unflagged)", 100 * accuracy(), right, total, wrongUnflagged);
    }
}
