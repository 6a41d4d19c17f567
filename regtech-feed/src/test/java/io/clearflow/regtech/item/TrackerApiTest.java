package io.clearflow.regtech.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.regtech.RegtechTestApplication;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tracker over the seeded 2024 history (17 items, seed §(f)): exact API shape, filters, Chinese
 * and English search, detail, CSV, pages in both languages. Bad input: page -1, size 0 and 501,
 * from after to, unknown status, bad date, over-long search; 404 for an unknown item.
 */
@SpringBootTest(classes = RegtechTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
// its own context (and database): the counts are those of the seeded history alone
@org.springframework.test.context.TestPropertySource(properties = "clearflow.regtech.context=tracker")
class TrackerApiTest {

    @Autowired MockMvc mvc;

    @Test
    void theSeedsHistoryIsThereInTheApisShape() throws Exception {
        mvc.perform(get("/api/regtech/items?size=100").with(httpBasic("zhangsan", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(17))
                .andExpect(jsonPath("$.items.length()").value(17))
                .andExpect(jsonPath("$.items[0].title").value(Matchers.containsString("数字身份")))
                .andExpect(jsonPath("$.items[0].publishedAt").value("2024-05-19T16:00:00Z"))
                .andExpect(jsonPath("$.items[0].topics[0]").value("digital-identity"))
                .andExpect(jsonPath("$.items[0].id").isNumber())
                .andExpect(jsonPath("$.items[0].link").hasJsonPath());
        mvc.perform(get("/api/regtech/items?size=5&page=3").with(httpBasic("zhangsan", "demo")))
                .andExpect(jsonPath("$.items.length()").value(2)).andExpect(jsonPath("$.total").value(17));
    }

    @Test
    void filtersAndSearch() throws Exception {
        mvc.perform(get("/api/regtech/items?topic=ai").with(httpBasic("lisi", "demo"))).andExpect(jsonPath("$.total").value(5));
        mvc.perform(get("/api/regtech/items?jurisdiction=hk").with(httpBasic("lisi", "demo"))).andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/regtech/items?organisation=HKMA&topic=cbdc-payments").with(httpBasic("lisi", "demo")))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/regtech/items?from=2024-03-01&to=2024-03-31").with(httpBasic("lisi", "demo")))
                .andExpect(jsonPath("$.total").value(5));
        mvc.perform(get("/api/regtech/items?q=数字人民币").with(httpBasic("lisi", "demo"))).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/regtech/items?q=form crs").with(httpBasic("lisi", "demo")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].organisation").value("FINRA"));
        mvc.perform(get("/api/regtech/items?q=100%").with(httpBasic("lisi", "demo"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/regtech/items?status=archived").with(httpBasic("lisi", "demo"))).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badInput() throws Exception {
        for (String q : new String[] {"page=-1", "size=0", "size=501", "from=2024-05-01&to=2024-01-01", "status=bogus",
                "from=yesterday", "q=" + "x".repeat(201), "source=abc"}) {
            mvc.perform(get("/api/regtech/items?" + q).with(httpBasic("lisi", "demo"))).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/regtech/items/999999").with(httpBasic("lisi", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/regtech/items")).andExpect(status().isUnauthorized());
    }

    @Test
    void csvExportWithBomAndDefusedFormulas() throws Exception {
        byte[] csv = mvc.perform(get("/api/regtech/items/export.csv?topic=crypto").with(httpBasic("hegui", "demo")))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,published,");
        assertThat(text.lines().count()).isEqualTo(1 + 4);
        assertThat(text).contains("\"迪拜国际金融中心颁布全球首部《数字资产法》\"");
        assertThat(ItemService.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void excelExportInTheReadersLanguageWithDatesAndNoFormulas() throws Exception {
        byte[] zh = mvc.perform(get("/api/regtech/items/export.xlsx?topic=crypto").with(httpBasic("hegui", "demo")))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(ItemController.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(zh))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("发布时间");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("标题");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            var titles = new java.util.ArrayList<String>();
            for (int r = 1; r <= 4; r++) {
                titles.add(sheet.getRow(r).getCell(3).getStringCellValue());
                assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).contains("加密与数字资产");
                assertThat(sheet.getRow(r).getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                for (var cell : sheet.getRow(r)) {
                    assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                }
            }
            assertThat(titles).contains("迪拜国际金融中心颁布全球首部《数字资产法》");
        }
        byte[] en = mvc.perform(get("/api/regtech/items/export.xlsx?topic=crypto&lang=en").with(httpBasic("hegui", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(en))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("Title");
            assertThat(book.getSheetAt(0).getRow(1).getCell(4).getStringCellValue()).contains("Crypto");
        }
        mvc.perform(get("/api/regtech/items/export.xlsx?from=not-a-date").with(httpBasic("hegui", "demo")))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/regtech/items/export.xlsx")).andExpect(status().isUnauthorized());
    }

    @Test
    void pagesInBothLanguagesAndSourcesForAdministratorsOnly() throws Exception {
        String zh = mvc.perform(get("/regtech").with(user("zhangsan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("监管动态追踪").contains("共 17 条").doesNotContain("??");
        String en = mvc.perform(get("/regtech?lang=en&topic=aml").with(user("zhangsan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Regulatory tracker").contains("AML/CFT").doesNotContain("??");
        long id = Long.parseLong(mvc.perform(get("/api/regtech/items?size=1").with(httpBasic("zhangsan", "demo")))
                .andReturn().getResponse().getContentAsString().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        assertThat(mvc.perform(get("/regtech/items/" + id).with(user("zhangsan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("数字身份").doesNotContain("??");
        assertThat(mvc.perform(get("/regtech/sources").with(user("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("SEC press releases").contains("已停用").doesNotContain("??");
        mvc.perform(get("/regtech/sources").with(user("zhangsan"))).andExpect(status().isForbidden());
        mvc.perform(get("/regtech/sources").with(user("hegui"))).andExpect(status().isForbidden());
    }
}
