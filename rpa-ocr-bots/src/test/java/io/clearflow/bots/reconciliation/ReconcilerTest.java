package io.clearflow.bots.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.bots.documents.DocumentTypes;
import io.clearflow.bots.documents.Extraction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matching rules, and the folder source. Bad inputs tried: low-confidence field, missing key field, totals off. */
class ReconcilerTest {

    final Reconciler reconciler = new Reconciler(DocumentTypes.builtIn());

    static Extraction bank(String closing, List<String> low, boolean totalsOk) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("account_no", "6222000011112222");
        f.put("statement_date", "2025-04-30");
        f.put("opening_balance", "1000.00");
        f.put("closing_balance", closing);
        return new Extraction("bank_statement", "银行对账单", f, List.of(), Map.of(), low,
                List.of(new Extraction.CheckResult("balance", totalsOk, "1150.00", closing)), List.of(), "ocr", 1);
    }

    static final Map<String, String> RECORD = Map.of("account_no", "6222000011112222", "statement_date", "2025-04-30",
            "opening_balance", "1000.0", "closing_balance", "1150.00", "branch", "not on the document");

    @Test
    void agreeingConfidentFieldsMatch() {
        var e = bank("1150.00", List.of(), true);
        assertThat(reconciler.recordKey(e)).contains("6222000011112222|2025-04-30");
        var r = reconciler.reconcile("h", "f", e, "k", RECORD);
        assertThat(r.status()).isEqualTo(Reconciliation.Status.MATCHED);
        assertThat(r.mismatches()).isEmpty();
    }

    @Test
    void aLowConfidenceFieldIsNeverMatchedEvenWhenItAgrees() {
        var r = reconciler.reconcile("h", "f", bank("1150.00", List.of("closing_balance"), true), "k", RECORD);
        assertThat(r.status()).isEqualTo(Reconciliation.Status.LOW_CONFIDENCE);
    }

    @Test
    void differencesAreListedFieldByField() {
        var r = reconciler.reconcile("h", "f", bank("1250.00", List.of(), true), "k", RECORD);
        assertThat(r.status()).isEqualTo(Reconciliation.Status.MISMATCHED);
        assertThat(r.mismatches()).containsExactly(new Reconciliation.Mismatch("closing_balance", "1250.00", "1150.00"));
    }

    @Test
    void totalsOffOrNoRecordAreNotMatched() {
        assertThat(reconciler.reconcile("h", "f", bank("1150.00", List.of(), false), "k", RECORD).status())
                .isEqualTo(Reconciliation.Status.TOTALS_ERROR);
        assertThat(reconciler.reconcile("h", "f", bank("1150.00", List.of(), true), "k", null).status())
                .isEqualTo(Reconciliation.Status.NO_RECORD);
    }

    @Test
    void aMissingKeyFieldGivesNoKey() {
        var e = bank("1150.00", List.of("account_no"), true);
        e.fields().put("account_no", null);
        assertThat(reconciler.recordKey(e)).isEmpty();
    }

    @Test
    void theFolderSourceReadsFilesAndMovesHandledOnesToDone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.pdf"), "x");
        Files.writeString(dir.resolve(".partial"), "y");
        var source = new FolderStatementSource(dir);
        var docs = source.fetch();
        assertThat(docs).extracting(IncomingDocument::name).containsExactly("a.pdf");
        assertThat(docs.get(0).contentHash()).hasSize(64);
        source.acknowledge(docs.get(0));
        assertThat(dir.resolve("done/a.pdf")).exists();
        assertThat(source.fetch()).isEmpty();
    }
}
