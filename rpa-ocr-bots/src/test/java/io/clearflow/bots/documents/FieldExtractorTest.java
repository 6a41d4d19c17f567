package io.clearflow.bots.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Label-anchored extraction on lines as OCR gives them, without Tesseract. Bad inputs tried: a label garbled by one
 * character, a label one character from another field's label, spaced-out Chinese, a weakly read value, a date
 * that does not exist.
 */
class FieldExtractorTest {

    final FieldExtractor extractor = new FieldExtractor(DocumentTypes.builtIn());

    static ReadDocument ocr(TextLine... lines) {
        return new ReadDocument(List.of(lines), "ocr", 1, null, List.of());
    }

    static TextLine line(String text, float confidence) {
        float[] c = new float[text.length()];
        Arrays.fill(c, confidence);
        return new TextLine(text, c);
    }

    @Test
    void aLabelWithOneExtraCharacterStillAnchorsItsValueWithLessConfidence() {
        Extraction e = extractor.extract("clearing_settlement", ocr(line("成交人金额 : 4,830,994.17 费用合计 : 1,497.61", 0.95f)));
        assertThat(e.fields()).containsEntry("gross_amount", "4830994.17").containsEntry("fees", "1497.61");
        assertThat(e.confidence().get("gross_amount")).isLessThan(e.confidence().get("fees"));
    }

    @Test
    void anotherFieldsLabelIsNeverTakenForAGarbledOne() {
        Extraction e = extractor.extract("bank_statement", ocr(line("账号 : 6222 0000 1111 2222", 0.95f),
                line("期末余额 : 100.00", 0.95f)));
        assertThat(e.fields().get("opening_balance")).isNull();
        assertThat(e.fields()).containsEntry("closing_balance", "100.00").containsEntry("account_no", "6222000011112222");
        assertThat(e.lowConfidence()).contains("opening_balance", "statement_date");
        assertThat(e.warnings()).anyMatch(w -> w.startsWith("missing: opening_balance"));
    }

    @Test
    void spacedOutLabelsAndChineseDatesAreRead() {
        Extraction e = extractor.extract("bank_statement", ocr(line("对 账 日 期 ： 2025 年 3 月 31 日", 0.9f),
                line("期初余额:1,000.00", 0.9f)));
        assertThat(e.fields()).containsEntry("statement_date", "2025-03-31").containsEntry("opening_balance", "1000.00");
    }

    @Test
    void aWeaklyReadValueIsFlaggedNotTrusted() {
        Extraction e = extractor.extract("clearing_settlement", ocr(line("证券代码 : 600000", 0.4f)));
        assertThat(e.fields()).containsEntry("security_code", "600000");
        assertThat(e.confidence().get("security_code")).isEqualTo(0.4, org.assertj.core.data.Offset.offset(0.001));
        assertThat(e.lowConfidence()).contains("security_code");
    }

    @Test
    void aDateThatDoesNotExistIsNotAValue() {
        Extraction e = extractor.extract("clearing_settlement", ocr(line("交收日期 : 2025-13-45", 1f)));
        assertThat(e.fields().get("settlement_date")).isNull();
        assertThat(e.lowConfidence()).contains("settlement_date");
    }
}
