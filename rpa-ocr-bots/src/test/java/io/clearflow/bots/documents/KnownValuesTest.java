package io.clearflow.bots.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Free text corrected against known values (a firm's counterparties): only a close and unique match is taken, and the
 * correction is noted in the extraction.
 */
class KnownValuesTest {

    static final List<String> KNOWN = List.of("华泰证券", "上海证券交易所", "平安银行", "上海银行", "Shenzhen Clearing Co");

    @Test
    void aNameOneCharacterOffIsTheKnownNameMisread() {
        LookAlikes.Correction c = KnownValues.closest("华泰证养", KNOWN);
        assertThat(c.value()).isEqualTo("华泰证券");
        assertThat(c.note()).contains("华泰证养 → 华泰证券");
        assertThat(KnownValues.closest("上海证养交易所", KNOWN).value()).isEqualTo("上海证券交易所");
        assertThat(KnownValues.closest("Shenzhen ClearingCo", KNOWN).value()).isEqualTo("Shenzhen Clearing Co");
        // two characters off an eight-character name, although two off a four-character one's cut-off as well
        assertThat(KnownValues.closest("中国证养嫩记结算", List.of("平安银行", "中国证券登记结算")).value()).isEqualTo("中国证券登记结算");
    }

    @Test
    void aNameAsReadOrFarFromEveryKnownNameIsKept() {
        assertThat(KnownValues.closest("华泰证券", KNOWN)).isNull();
        assertThat(KnownValues.closest("中信证券", KNOWN)).isNull(); // two characters off a four-character name
        assertThat(KnownValues.closest("Demo Securities Ltd", KNOWN)).isNull();
        assertThat(KnownValues.closest("华泰证养", List.of())).isNull();
    }

    @Test
    void aReadingAsCloseToTwoKnownNamesIsNotGuessed() {
        // 上安银行 is one character from both 平安银行 and 上海银行
        assertThat(KnownValues.closest("上安银行", KNOWN)).isNull();
    }

    @Test
    void aTransactionCounterpartyIsCorrectedAndTheCorrectionNoted() {
        Extraction e = new FieldExtractor(DocumentTypes.builtIn()).extract("bank_statement", LayoutExtractionTest.page(List.of(
                LayoutExtractionTest.row(100, 200, "银行对账单"),
                LayoutExtractionTest.row(200, 100, "账号", 600, "6222021234567890"),
                LayoutExtractionTest.row(300, 100, "对账日期", 600, "2025-03-31"),
                LayoutExtractionTest.row(400, 100, "期初余额", 600, "1,000.00"),
                LayoutExtractionTest.row(500, 100, "期末余额", 600, "1,500.00"),
                LayoutExtractionTest.row(600, 100, "2025-03-03", 500, "贷", 700, "500.00", 1000, "华泰证养"))));
        assertThat(e.transactions()).hasSize(1);
        assertThat(e.transactions().get(0)).containsEntry("counterparty", "华泰证券").containsEntry("amount", "500.00");
        assertThat(e.corrections()).containsKey("transactions[0].counterparty");
        assertThat(e.totalsOk()).isTrue();
    }
}
