package io.clearflow.testmetrics.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as Excel and WPS write it: encodings, separators, quotes, Chinese headers, and row-level refusals. */
class PlanCsvTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsCommaSeparatedWithBomQuotesAndAnyColumnOrder() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = utf8("title,key,demands,automated\r\n"
                + "\"Limit check, cross orders\",io.clearflow.ctrade.OrderServiceTest.matchesCrossOrders,#12; 15,yes\r\n"
                + "\"Says \"\"hi\"\"\",TC-7,,no\r\n\r\n");
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        PlanCsv.Result r = PlanCsv.read(all);
        assertThat(r.errors()).isEmpty();
        assertThat(r.cases()).containsExactly(
                new PlanInput.CaseInput("io.clearflow.ctrade.OrderServiceTest.matchesCrossOrders", "Limit check, cross orders", true, List.of(12L, 15L)),
                new PlanInput.CaseInput("TC-7", "Says \"hi\"", false, List.of()));
    }

    @Test
    void readsChineseHeadersSemicolonsAndGb18030() {
        String text = "用例编号;标题;自动化;需求\nTC-1;登录成功;否;3、4\nTC-2;下单;是;\n";
        PlanCsv.Result r = PlanCsv.read(text.getBytes(Charset.forName("GB18030")));
        assertThat(r.errors()).isEmpty();
        assertThat(r.cases()).extracting(PlanInput.CaseInput::title).containsExactly("登录成功", "下单");
        assertThat(r.cases()).extracting(PlanInput.CaseInput::automated).containsExactly(false, true);
        assertThat(r.cases().get(0).demands()).containsExactly(3L, 4L);
    }

    @Test
    void tabSeparatedFromASpreadsheetCopy() {
        PlanCsv.Result r = PlanCsv.read(utf8("key\tautomated\nTC-1\tmanual\nTC-2\tautomated\n"));
        assertThat(r.cases()).extracting(PlanInput.CaseInput::automated).containsExactly(false, true);
    }

    @Test
    void everyBadRowIsNamedByItsLineAndNothingIsKept() {
        PlanCsv.Result r = PlanCsv.read(utf8("key,automated,demands\nTC-1,yes,1\nTC-2,maybe,\nTC-1,no,\nTC-4,no,12;abc\n"
                + ",no,\nTC-6,no,1; DROP TABLE tm_plan\nTC-7,no,0\n"));
        assertThat(r.cases()).isEmpty();
        assertThat(r.errors()).containsEntry("row 3", "tm.plan.error.automated")
                .containsEntry("row 4", "tm.plan.error.duplicateKey")
                .containsEntry("row 5", "tm.plan.error.demands")
                .containsEntry("row 6", "tm.plan.error.key")
                .containsEntry("row 7", "tm.plan.error.demands")
                .containsEntry("row 8", "tm.plan.error.demands")
                .doesNotContainKey("row 2");
    }

    @Test
    void headerWithoutKeyOrAutomatedAndEmptyFilesAreRefused() {
        assertThat(PlanCsv.read(utf8("name,title\nx,y\n")).errors()).containsEntry("row 1", "tm.plan.csv.header");
        assertThat(PlanCsv.read(new byte[0]).errors()).containsEntry("row 1", "tm.plan.csv.empty");
        assertThat(PlanCsv.read(utf8("key,automated\n\n")).errors()).containsEntry("row 2", "tm.plan.csv.empty");
    }
}
