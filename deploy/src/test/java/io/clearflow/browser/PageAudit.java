package io.clearflow.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a business user must never see on a page, looked for in the page's visible text after each step of
 * a journey: an error page where none is expected (500, or the container's own), a label missing from the
 * bundles ({@code ??key??}), a raw id where the platform knows a name (a department id such as
 * {@code dept-it}, a UUID, a process definition id {@code key:1:uuid}, a person's user id), a cron expression, and, on a Chinese page, an
 * English sentence (four English words in a row that are not a product name or the user's own input).
 * Text inside {@code <code>} is an identifier shown on purpose (an administrator's id column) and is skipped.
 * Findings are collected with the page and user, so one run lists them all.
 */
final class PageAudit {

    static final Pattern MISSING_LABEL = Pattern.compile("\\?\\?[\\w.-]+\\?\\?");
    static final Pattern DEPARTMENT_ID = Pattern.compile("\\bdept-[a-z][a-z0-9-]*");
    static final Pattern UUID = Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    static final Pattern DEFINITION_ID = Pattern.compile("\\b[A-Za-z][\\w-]*:\\d+:[0-9a-f-]{8,}");
    /** The demo people's user ids: where the platform knows them, pages say 张三, not zhangsan. */
    static final Pattern USER_ID = Pattern.compile(
            "(?<![\\w.@/-])(?:zhangsan|lisi|wangwu|zhaoliu|sunqi|zhouba|wujiu|zhengshi|chenqc|linops|hegui|issuer01)(?![\\w.@/-])");
    /** A cron expression (six fields, one of them with * or ?, unlike a row of figures) in running text. */
    static final Pattern CRON = Pattern.compile(
            "(?<!\\S)(?=(?:\\S+ ){0,5}\\S*[*?])[0-9*?/,-]+ [0-9*?/,-]+ [0-9*?/,-]+ [0-9*?/,LW-]+ [0-9*?/,A-Z-]+ [0-9*?/,A-Z-]+(?!\\S)");
    static final Pattern ENGLISH_RUN = Pattern.compile("\\b[A-Za-z]{2,}(?:[ ,;:'’-]+[A-Za-z]{2,}){3,}");

    private final Browser browser;
    private final Set<String> allowedEnglish;
    private final List<String> findings = new ArrayList<>();

    /** {@code allowedEnglish}: texts that are English on purpose (product names, what the test typed). */
    PageAudit(Browser browser, Set<String> allowedEnglish) {
        this.browser = browser;
        this.allowedEnglish = allowedEnglish;
    }

    /** Checks the page now shown to {@code who}; {@code chinese} when the page is meant to be in Chinese. */
    void check(String who, boolean chinese) {
        String where = who + " @ " + browser.driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        String text = browser.driver.findElement(By.tagName("body")).getText();
        // identifiers shown as code on purpose (an administrator's id column, a bot's topic) are not prose
        List<String> codes = new ArrayList<>(browser.driver.findElements(By.tagName("code")).stream()
                .map(WebElement::getText).filter(shown -> !shown.isEmpty()).toList());
        codes.sort((a, c) -> c.length() - a.length()); // the longest first, so a key inside an id does not split it
        for (String shown : codes) {
            text = text.replace(shown, " ");
        }
        List<WebElement> error = browser.driver.findElements(By.cssSelector("#error-page h1"));
        if (!error.isEmpty() && !error.get(0).getText().startsWith("4")) {
            findings.add(where + ": error page " + error.get(0).getText());
        }
        if (text.contains("Whitelabel Error Page") || text.contains("Internal Server Error")) {
            findings.add(where + ": the container's error page");
        }
        look(where, text, MISSING_LABEL, "missing label");
        look(where, text, DEPARTMENT_ID, "department id");
        look(where, text, UUID, "raw id");
        look(where, text, DEFINITION_ID, "definition id");
        look(where, text, USER_ID, "user id");
        look(where, text, CRON, "cron expression");
        if (chinese) {
            Matcher m = ENGLISH_RUN.matcher(text);
            while (m.find()) {
                String run = m.group();
                if (allowedEnglish.stream().noneMatch(run::contains) && allowedEnglish.stream().noneMatch(a -> a.contains(run))) {
                    findings.add(where + ": English on a Chinese page: \"" + run + "\"");
                }
            }
        }
    }

    /** The page shows the error page with this status (a refusal the role should get), inside the shell. */
    boolean refused(String status) {
        List<WebElement> error = browser.driver.findElements(By.cssSelector("#error-page h1"));
        return !error.isEmpty() && error.get(0).getText().equals(status);
    }

    private void look(String where, String text, Pattern pattern, String what) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 40);
            findings.add(where + ": " + what + " \"" + m.group() + "\" in \"…"
                    + text.substring(from, Math.min(text.length(), m.end() + 40)).replace('\n', ' ') + "…\"");
        }
    }

    List<String> findings() {
        return List.copyOf(findings);
    }
}
