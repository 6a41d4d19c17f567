package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pages of the modules built last — delivery (versions, board, test submissions, changes), test-metrics
 * (maturity, DORA) and regtech (subscriptions, digest, dictionary) — walked as the people who use them, in both
 * languages, every page audited ({@link PageAudit}): no 500, no missing or English label on a Chinese page, no
 * raw id where a name exists. The findings of all pages are reported together.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:recent-pages-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-recent-pages"})
class RecentModulesPagesBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1280, 1400);

    private Browser b;
    private PageAudit audit;

    private void visit(String who, String path) {
        b.open(path);
        b.waitFor(By.tagName("main"));
        audit.check(who, !path.contains("lang=en"));
    }

    private void walk(String who, List<String> pages) {
        b.signIn(who);
        audit.check(who, true);
        for (String page : pages) {
            visit(who, page);
        }
        for (String page : pages) {
            visit(who, page + (page.contains("?") ? "&" : "?") + "lang=en");
        }
        b.open("/?lang=zh_CN");
        b.signOut();
    }

    @Test
    void theRecentModulesPagesShowNoErrorRawIdOrUntranslatedText() {
        b = browser.get();
        audit = new PageAudit(b, BusinessJourneysBrowserTest.ALLOWED_ENGLISH);

        // wujiu (developer) creates a version, so the delivery pages have something to show
        b.signIn("wujiu");
        b.open("/delivery/versions");
        b.waitFor(By.id("version-form"));
        b.select(By.id("field-system"), "clearflow");
        b.type(By.id("field-version"), "3.1.0");
        b.click(By.id("version-submit"));
        b.waitFor(By.id("version-title"));
        String version = "/delivery/versions/" + b.lastPathSegment();
        audit.check("wujiu", true);
        b.open("/?lang=zh_CN");
        b.signOut();

        Map<String, List<String>> walks = new java.util.LinkedHashMap<>();
        walks.put("wujiu", List.of("/delivery/versions", version, "/delivery/board", "/delivery/test-submissions",
                "/delivery/changes", "/delivery/changes/new"));
        walks.put("zhengshi", List.of(version, "/delivery/test-submissions", "/test-metrics", "/test-metrics/dora"));
        walks.put("chenqc", List.of("/delivery/changes", "/delivery/test-submissions", version));
        walks.put("linops", List.of("/delivery/board", "/delivery/changes", version));
        walks.put("zhouba", List.of("/delivery/changes", "/delivery/board", "/test-metrics/maturity", "/test-metrics/dora"));
        walks.put("hegui", List.of("/regtech", "/regtech/subscriptions", "/regtech/digest", "/regtech/assessments"));
        walks.put("admin", List.of("/regtech/dictionary", "/regtech/sources", "/regtech/subscriptions", "/delivery/versions",
                "/test-metrics/maturity"));
        walks.forEach(this::walk);

        assertThat(audit.findings()).as("what the walk met").isEmpty();
    }
}
