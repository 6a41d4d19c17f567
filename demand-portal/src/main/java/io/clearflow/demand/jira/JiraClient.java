package io.clearflow.demand.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Consumer;

/**
 * Typed client of Jira's REST API: Jira Cloud (v3: rich-text bodies in Atlassian Document Format,
 * {@code /search/jql} with {@code nextPageToken}) and Server/Data Center (v2: plain-text bodies,
 * {@code /search} with {@code startAt}). Authenticates with an API token (Basic) or a personal
 * access token (Bearer). Honours 429 Retry-After and backs off exponentially on 5xx and connection
 * errors, up to {@code maxAttempts}; then throws {@link JiraException.Unavailable}.
 *
 * <p>The work is shared out: {@link JiraTransport} makes the calls, {@link JiraIssueJson} writes and reads Jira's
 * JSON, {@link JiraSearchPaging} pages through a search in either flavour.
 */
public class JiraClient {

    /** A new issue. {@code demandFieldValue} goes into the configured demand field, if any. */
    public record NewIssue(String summary, String description, List<String> labels, String demandFieldValue) { }

    public record IssueRef(String id, String key) { }

    /** An issue as the sync reads it: status name and category, labels. Unknown fields are ignored. */
    public record Issue(String id, String key, String status, String statusCategory, List<String> labels) { }

    public record Transition(String id, String name, String toStatus) { }

    /** One page of a search: its issues, and how to ask for the next one ({@code null} when last). */
    public record Page(List<Issue> issues, String next) { }

    /** One page of a search as Jira's issue JSON, for readers of other fields (defects: priority, versions). */
    public record RawPage(List<JsonNode> issues, String next) { }

    private static final List<String> SEARCH_FIELDS = List.of("status", "labels");

    private final JiraTransport transport;
    private final JiraIssueJson bodies;
    private final JiraSearchPaging paging;

    public JiraClient(JiraProperties properties, ObjectMapper json) {
        this.transport = new JiraTransport(properties, json);
        this.bodies = new JiraIssueJson(properties, json);
        this.paging = new JiraSearchPaging(properties, json, transport);
    }

    public IssueRef createIssue(NewIssue issue) {
        return JiraIssueJson.issueRef(transport.send("POST", "/issue", bodies.newIssue(issue)));
    }

    /** One page of issues matching the JQL; {@code next} is null for the first page. */
    public Page search(String jql, String next) {
        RawPage page = searchFields(jql, next, SEARCH_FIELDS);
        return new Page(JiraIssueJson.issues(page.issues()), page.next());
    }

    /** One page of issues matching the JQL with the given fields; {@code next} is null for the first page. */
    public RawPage searchFields(String jql, String next, List<String> wantedFields) {
        return paging.page(jql, next, wantedFields);
    }

    /** Every issue matching the JQL, page by page; only one page is held in memory. Returns the page count. */
    public int searchAll(String jql, Consumer<List<Issue>> eachPage) {
        String next = null;
        int pages = 0;
        do {
            Page page = search(jql, next);
            pages++;
            if (!page.issues().isEmpty()) {
                eachPage.accept(page.issues());
            }
            next = page.next();
        } while (next != null);
        return pages;
    }

    public List<Transition> transitions(String issueKey) {
        return JiraIssueJson.transitions(transport.send("GET", "/issue/" + JiraIssueJson.encode(issueKey) + "/transitions", null));
    }

    public void transition(String issueKey, String transitionId) {
        transport.send("POST", "/issue/" + JiraIssueJson.encode(issueKey) + "/transitions", bodies.transition(transitionId));
    }

    public void addComment(String issueKey, String text) {
        transport.send("POST", "/issue/" + JiraIssueJson.encode(issueKey) + "/comment", bodies.comment(text));
    }
}
