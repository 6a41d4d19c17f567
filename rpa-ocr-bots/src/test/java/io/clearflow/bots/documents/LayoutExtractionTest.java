package io.clearflow.bots.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Layout-aware extraction on hand-placed word boxes, without Tesseract: a ruled two-column table (label cell far from
 * its value cell, mixed Chinese and English labels, label variants), labels above their values, right-aligned values,
 * look-alike characters in codes. Each case fails when its part of the feature breaks.
 */
class LayoutExtractionTest {

    final FieldExtractor extractor = new FieldExtractor(DocumentTypes.builtIn());

    /** Words of one row at height y: each cell given as x and text; a cell's words are split at spaces (Chinese per character). */
    static List<Word> row(int y, Object... xAndText) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < xAndText.length; i += 2) {
            int x = (Integer) xAndText[i];
            for (String w : ((String) xAndText[i + 1]).split(" ")) {
                List<String> pieces = w.codePoints().allMatch(TextLine::isCjk)
                        ? w.codePoints().mapToObj(Character::toString).toList() : List.of(w);
                for (String piece : pieces) {
                    int width = piece.codePoints().allMatch(TextLine::isCjk) ? 40 : 24 * piece.length();
                    out.add(new Word(piece, 0, x, y, x + width, y + 40, 0.93f));
                    x += width + 12;
                }
            }
        }
        return out;
    }

    static ReadDocument page(List<List<Word>> rows) {
        List<Word> words = rows.stream().flatMap(List::stream).toList();
        return new ReadDocument(List.of(), "ocr", 1, null, List.of(), words);
    }

    @Test
    void aRuledTwoColumnTableIsReadCellByCell() {
        Extraction e = extractor.extract("clearing_settlement", page(List.of(
                row(100, 200, "清算交收单"),
                row(200, 100, "Participant Code", 900, "A03156"),
                row(300, 100, "交收日期", 900, "2025-03-28"),
                row(400, 100, "Security Code", 900, "600519"),
                row(500, 100, "Quantity", 900, "12,000"),
                row(600, 100, "成交金额", 900, "119,760.00"),
                row(700, 100, "费用", 900, "37.13"),
                row(800, 100, "应收付净额", 900, "119,797.13"))));
        assertThat(e.fields()).containsEntry("participant_code", "A03156").containsEntry("settlement_date", "2025-03-28")
                .containsEntry("security_code", "600519").containsEntry("quantity", "12000")
                .containsEntry("gross_amount", "119760.00").containsEntry("fees", "37.13").containsEntry("net_amount", "119797.13");
        assertThat(e.lowConfidence()).isEmpty();
        assertThat(e.totalsOk()).isTrue();
        assertThat(e.corrections()).isEmpty();
    }

    @Test
    void valuesBelowTheirLabelsAreFoundInTheSameColumn() {
        Extraction e = extractor.extract("bank_statement", page(List.of(
                row(100, 100, "账号", 800, "对账日期", 1400, "期初余额"),
                row(160, 100, "6222021234567890", 800, "2025-03-31", 1400, "1,250,000.00"),
                row(260, 100, "Closing Balance", 1600, "1,318,250.50"))));
        assertThat(e.fields()).containsEntry("account_no", "6222021234567890").containsEntry("statement_date", "2025-03-31")
                .containsEntry("opening_balance", "1250000.00").containsEntry("closing_balance", "1318250.50");
    }

    @Test
    void labelVariantsAndSynonymsAreMatched() {
        Extraction e = extractor.extract("clearing_settlement", page(List.of(
                row(100, 100, "手续费合计：12.50", 1000, "参与人代码：PB00077"),
                row(200, 100, "日期（交收）：2025年04月29日", 1000, "Securty Code: 600519"),
                row(300, 100, "Qty", 700, "500"),
                row(400, 100, "应收付净额（含费用）", 900, "35,010.85"))));
        assertThat(e.fields()).containsEntry("fees", "12.50").containsEntry("participant_code", "PB00077")
                .containsEntry("settlement_date", "2025-04-29").containsEntry("security_code", "600519")
                .containsEntry("quantity", "500").containsEntry("net_amount", "35010.85");
        // Securty: one letter missing, a fuzzy label, so its value is a little less certain
        assertThat(e.confidence().get("security_code")).isLessThan(e.confidence().get("quantity"));
    }

    @Test
    void aCodeReadWithLookAlikesIsCorrectedByItsPatternAndTheCorrectionIsNoted() {
        Extraction e = extractor.extract("clearing_settlement", page(List.of(
                row(100, 100, "Participant Code", 900, "AO3156"),
                row(200, 100, "证券代码", 900, "6O0S19"))));
        assertThat(e.fields()).containsEntry("participant_code", "A03156").containsEntry("security_code", "600519");
        assertThat(e.corrections()).containsEntry("participant_code",
                "AO3156 → A03156 (look-alike characters corrected by the field's pattern)");
        assertThat(e.corrections()).containsKey("security_code");
        assertThat(e.lowConfidence()).doesNotContain("participant_code", "security_code");
    }

    @Test
    void aCodeThatFitsTwoReadingsIsFlaggedNotTrusted() {
        Extraction e = extractor.extract("clearing_settlement", page(List.of(row(100, 100, "Participant Code", 900, "CO04432"))));
        assertThat(e.fields()).containsEntry("participant_code", "CO04432");
        assertThat(e.lowConfidence()).contains("participant_code");
        assertThat(e.warnings()).anyMatch(w -> w.contains("could also be read C04432"));
    }

    @Test
    void aDoubledGlyphIsSettledByTheWidthOfTheInk() {
        // digits are 24 px wide on this page (600519); MO05915 takes 148 px: the width of M05915 (27.6 + 5 x 24), not of 7 glyphs
        List<Word> code = new ArrayList<>(row(200, 100, "Participant Code"));
        code.add(new Word("MO05915", 0, 900, 200, 1048, 240, 0.93f));
        Extraction e = extractor.extract("clearing_settlement", page(List.of(row(100, 100, "证券代码", 900, "600519"), code)));
        assertThat(e.fields()).containsEntry("participant_code", "M05915");
        assertThat(e.corrections().get("participant_code")).startsWith("MO05915 → M05915");
        assertThat(e.lowConfidence()).doesNotContain("participant_code");
    }

    @Test
    void theDigitWidthOfAMonospacedPageIsMeasuredOnDigitsAloneSoTheDoubledGlyphIsStillSettled() {
        // monospaced: every glyph 21 px, separators too (622.51 and 731.63 are 126 px, not 5.4 digits); H03927 is 128 px
        List<Word> code = new ArrayList<>(row(200, 100, "Participant Code"));
        code.add(new Word("HO03927", 0, 900, 200, 1028, 240, 0.93f));
        List<Word> numbers = List.of(new Word("000586", 0, 100, 300, 226, 340, 0.93f), new Word("2008109", 0, 300, 300, 447, 340, 0.93f),
                new Word("622.51", 0, 600, 300, 726, 340, 0.93f), new Word("731.63", 0, 800, 300, 926, 340, 0.93f),
                new Word("2,008,", 0, 1000, 300, 1126, 340, 0.93f));
        PageLayout layout = PageLayout.of(numbers).get(0);
        assertThat(layout.digitWidth()).isBetween(20.9, 21.3);
        Extraction e = extractor.extract("clearing_settlement", page(List.of(row(100, 100, "证券代码", 900, "000586"), code, numbers)));
        assertThat(e.fields()).containsEntry("participant_code", "H03927");
        assertThat(e.corrections().get("participant_code")).startsWith("HO03927 → H03927");
    }

    @Test
    void aValueCellClaimedByTwoLabelsIsFlagged() {
        // two labels side by side share the one value under them: neither is trusted
        Extraction e = extractor.extract("bank_statement", page(List.of(
                row(100, 100, "期初余额", 400, "期末余额"),
                row(160, 250, "1,000,000.00"))));
        assertThat(e.lowConfidence()).as(e.warnings().toString()).contains("opening_balance", "closing_balance");
    }

    @Test
    void lookAlikeCorrectionNeedsExactlyOneFittingReading() {
        Pattern code = Pattern.compile("[A-Z]{1,2}[0-9]{5}");
        assertThat(LookAlikes.correct("AO3156", code).value()).isEqualTo("A03156");
        assertThat(LookAlikes.correct("C0O4432", code).value()).isEqualTo("CO04432"); // two letters fit the pattern
        assertThat(LookAlikes.correct("C0O4432", Pattern.compile("[A-Z][0-9]{5}")).value()).isEqualTo("C04432"); // O doubled
        assertThat(LookAlikes.correct("SS", Pattern.compile("[0-9][A-Z0-9]"))).isNull(); // 5S and 55: no single reading
        assertThat(LookAlikes.alternative("PB00077", code)).isNull(); // B is no 8 here: P800077 has 6 digits
        assertThat(LookAlikes.alternative("CO04432", code)).isEqualTo("C04432");
        assertThat(LookAlikes.correct("1,2O0.00", Pattern.compile(FieldValues.AMOUNT)).value()).isEqualTo("1,200.00");
    }

    @Test
    void labelsMatchFuzzilyOnlyWhereTheyShould() {
        assertThat(LabelMatcher.find("Partlcipant Code: A03156", "Participant Code")).isNotNull()
                .extracting(LabelMatcher.Match::quality).isEqualTo(LabelMatcher.FUZZY);
        assertThat(LabelMatcher.find("Fees", "Gross Amount")).isNull();
        assertThat(LabelMatcher.find("手续费合计", "手续费")).isNotNull().extracting(LabelMatcher.Match::quality).isEqualTo(1.0);
        assertThat(LabelMatcher.halfWidth("账号：６２２２")).isEqualTo("账号:6222");
        // two of five characters misread: found, at a quality that always flags the value
        assertThat(LabelMatcher.find("衣收付净笑 35,010.85", "应收付净额")).isNotNull()
                .extracting(LabelMatcher.Match::quality).isEqualTo(LabelMatcher.FUZZY_TWO);
        assertThat(LabelMatcher.find("衣收付净笑", "证券代码")).isNull();
    }

    @Test
    void wordsFarApartAreSeparateCellsAndRowsFollowTheirWords() {
        PageLayout layout = PageLayout.page(new ArrayList<>(List.of(
                new Word("Net", 0, 100, 100, 160, 140, 1f), new Word("Amount", 0, 172, 102, 300, 140, 1f),
                new Word("35,010.85", 0, 1200, 104, 1400, 142, 1f),
                new Word("Fees", 0, 100, 200, 180, 240, 1f))));
        assertThat(layout.rows()).hasSize(2);
        assertThat(layout.rows().get(0)).extracting(c -> c.text().text()).containsExactly("Net Amount", "35,010.85");
        assertThat(layout.below(layout.rows().get(0).get(0)).text().text()).isEqualTo("Fees");
        assertThat(layout.below(layout.rows().get(0).get(1))).isNull();
    }

    static ReadDocument bankPage(String opening, String closing, List<Word>... transactionRows) {
        List<List<Word>> rows = new ArrayList<>(List.of(
                row(100, 200, "银行对账单"),
                row(200, 100, "账号", 600, "6222021234567890"),
                row(300, 100, "对账日期", 600, "2025-03-31"),
                row(400, 100, "期初余额", 600, opening),
                row(500, 100, "期末余额", 600, closing)));
        rows.addAll(List.of(transactionRows));
        return page(rows);
    }

    @Test
    void aGarbledDirectionWordIsReadByTheDirectionWordInItAndFlagged() {
        Extraction e = extractor.extract("bank_statement", bankPage("1,000.00", "700.00",
                row(600, 100, "2025-03-03", 500, "人借", 700, "300.00", 1000, "平安银行")));
        assertThat(e.transactions()).hasSize(1);
        assertThat(e.transactions().get(0)).containsEntry("direction", "debit").containsEntry("amount", "300.00");
        assertThat(e.lowConfidence()).contains("transactions[0].direction");
        assertThat(e.corrections()).containsKey("transactions[0].direction");
        assertThat(TransactionReader.directionOf(java.util.Map.of("CR", "credit", "Credit", "credit", "Debit", "debit"), "Crdit"))
                .isEqualTo("credit");
    }

    @Test
    void anUnreadableDirectionIsTheOneWithWhichTheBalanceAddsUp() {
        Extraction e = extractor.extract("bank_statement", bankPage("1,000.00", "1,200.00",
                row(600, 100, "2025-03-03", 500, "倍", 700, "300.00", 1000, "平安银行"),
                row(700, 100, "2025-03-08", 500, "贷", 700, "500.00", 1000, "上海银行")));
        assertThat(e.transactions()).hasSize(2);
        assertThat(e.transactions().get(0)).containsEntry("direction", "debit");
        assertThat(e.lowConfidence()).contains("transactions[0].direction").doesNotContain("transactions[1].direction");
        assertThat(e.corrections().get("transactions[0].direction")).contains("balance");
        assertThat(e.totalsOk()).isTrue();
    }

    @Test
    void anUnreadableDirectionThatNoAssignmentSettlesStaysMissingAndFlagged() {
        // two unreadable directions of the same amount: debit + credit and credit + debit add up alike
        Extraction e = extractor.extract("bank_statement", bankPage("1,000.00", "1,000.00",
                row(600, 100, "2025-03-03", 500, "倍", 700, "300.00", 1000, "平安银行"),
                row(700, 100, "2025-03-08", 500, "伴", 700, "300.00", 1000, "上海银行")));
        assertThat(e.transactions()).hasSize(2);
        assertThat(e.transactions().get(0).get("direction")).isNull();
        assertThat(e.transactions().get(1).get("direction")).isNull();
        assertThat(e.lowConfidence()).contains("transactions[0].direction", "transactions[1].direction");
    }

    @Test
    void aDateWhoseSlashesOcrReadAsSevensOrOnesIsRepairedWhenOnlyOneDateFits() {
        assertThat(SeparatorRepair.date("2025/047/30")).isEqualTo("2025-04-30");
        assertThat(SeparatorRepair.date("20257/10731")).isEqualTo("2025-10-31");
        assertThat(SeparatorRepair.date("2025/107/31")).isEqualTo("2025-10-31");
        assertThat(SeparatorRepair.date("2025l03l31")).isEqualTo("2025-03-31");
        assertThat(SeparatorRepair.date("2025/1117")).isNull(); // 2025/1/17, 2025/11/7 ...: no one date
        assertThat(SeparatorRepair.date("6222021234567890")).isNull();
        Extraction e = extractor.extract("bank_statement", bankPage("1,000.00", "1,000.00"));
        assertThat(e.fields()).containsEntry("statement_date", "2025-03-31");
        e = extractor.extract("bank_statement", page(List.of(row(100, 200, "银行对账单"), row(200, 100, "AIC No.: 6222 0212 3456 7890"),
                row(300, 100, "账单日期", 600, "2025/107/31"), row(400, 100, "期初余额", 600, "1.00"), row(500, 100, "期末余额", 600, "1.00"))));
        assertThat(e.fields()).containsEntry("statement_date", "2025-10-31").containsEntry("account_no", "6222021234567890");
        assertThat(e.corrections().get("statement_date")).contains("2025/107/31 → 2025-10-31");
    }

    @Test
    void aShortLabelWithOneCharacterMisreadIsTakenOnlyAloneInItsCellAndFlagged() {
        Extraction e = extractor.extract("clearing_settlement", page(List.of(
                row(100, 200, "清算交收单"),
                row(200, 100, "参与人代码", 900, "A03156"),
                row(300, 100, "交收日期", 900, "2025-03-28"),
                row(400, 100, "证券代码", 900, "600519"),
                row(500, 100, "数里", 900, "12,000"),
                row(600, 100, "成交金额", 900, "119,760.00"),
                row(700, 100, "于续费", 900, "37.13"),
                row(800, 100, "交收净额", 900, "119,797.13"))));
        assertThat(e.fields()).containsEntry("quantity", "12000").containsEntry("fees", "37.13");
        assertThat(e.lowConfidence()).containsExactlyInAnyOrder("quantity", "fees");
        // 净里 is one character from 净额 (net amount) and 数量 alike: neither field takes it
        e = extractor.extract("clearing_settlement", page(List.of(row(100, 200, "清算交收单"), row(200, 100, "证券代码", 900, "600519"),
                row(500, 100, "数额", 900, "12,000"))));
        assertThat(e.fields().get("quantity")).isNull();
    }

    @Test
    void anAmountWhoseDecimalPointOcrLostIsReadAndFlagged() {
        Extraction e = extractor.extract("bank_statement", bankPage("1803875 27", "1,803,875.27"));
        assertThat(e.fields()).containsEntry("opening_balance", "1803875.27");
        assertThat(e.lowConfidence()).contains("opening_balance");
        assertThat(e.corrections().get("opening_balance")).contains("decimal point lost");
    }

    @Test
    void aTransactionLineWithoutItsDirectionWordIsReadAndTheDirectionInferredAndFlagged() {
        Extraction e = extractor.extract("bank_statement", bankPage("1,000.00", "1,300.00",
                row(600, 100, "2025-03-03", 700, "300.00", 1000, "平安银行")));
        assertThat(e.transactions()).hasSize(1);
        assertThat(e.transactions().get(0)).containsEntry("direction", "credit").containsEntry("amount", "300.00")
                .containsEntry("counterparty", "平安银行");
        assertThat(e.lowConfidence()).contains("transactions[0].direction");
    }
}
