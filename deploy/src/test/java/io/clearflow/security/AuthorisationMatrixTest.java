package io.clearflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.clearflow.ClearFlowApplication;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The authorisation matrix of the assembled platform: every navigation entry each demo user is shown
 * opens for them (no 403, no 500), and an external participant reaches none of the internal pages
 * and endpoints (demand management, monitoring, governance, mining, the event log, the API docs),
 * neither through a link nor by typing the address.
 */
@SpringBootTest(classes = ClearFlowApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuthorisationMatrixTest {

    static final List<String> USERS = List.of("zhangsan", "lisi", "hegui", "zhouba", "sunqi", "issuer01", "admin",
            "wujiu", "linops");

    /** Internal pages and endpoints: none is a participant's. */
    static final List<String> INTERNAL = List.of("/demand", "/demand/new", "/demand/board", "/demand/stats",
            "/demand/versions", "/monitor/jobs", "/monitor/instances", "/monitor/departments", "/monitor/statistics",
            "/monitor/exceptions", "/events", "/governance", "/governance/new", "/governance/validate", "/mining",
            "/rpa", "/reconciliation", "/approvals/new", "/admin/users", "/swagger-ui.html", "/v3/api-docs",
            "/api/demands", "/api/demands/stats", "/api/events", "/api/monitor/instances", "/api/governance/scenarios",
            "/api/mining/logs", "/api/rpa/bots", "/api/admin/users");

    /** A participant's own pages. */
    static final List<String> PARTICIPANT_PAGES = List.of("/", "/selfservice", "/selfservice/new", "/putback/new",
            "/account-opening/new");

    private static final Pattern NAV_LINK = Pattern.compile("<a[^>]*href=\"([^\"#?]+)\"");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    /** The status of a page, after one redirect within the platform (e.g. /swagger-ui.html → its index). */
    private int status(String user, String path) throws Exception {
        var response = mvc.perform(get(path).with(user(users.loadUserByUsername(user)))).andReturn().getResponse();
        String location = response.getRedirectedUrl();
        if (response.getStatus() == 302 && location != null && !location.contains("/login")) {
            response = mvc.perform(get(location).with(user(users.loadUserByUsername(user)))).andReturn().getResponse();
        }
        return response.getStatus();
    }

    private Set<String> navigation(String user) throws Exception {
        String html = mvc.perform(get("/").with(user(users.loadUserByUsername(user)))).andReturn().getResponse()
                .getContentAsString();
        String header = html.substring(html.indexOf("<nav class=\"shell-nav\">"), html.indexOf("</nav>"));
        Set<String> links = new LinkedHashSet<>();
        Matcher m = NAV_LINK.matcher(header);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    @Test
    void everyNavigationEntryOpensForEveryoneItIsShownTo() throws Exception {
        List<String> broken = new ArrayList<>();
        for (String user : USERS) {
            for (String link : navigation(user)) {
                int status = status(user, link);
                if (status != 200) {
                    broken.add(user + " " + link + " → " + status);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void aParticipantSeesAndReachesOnlyTheirOwnPages() throws Exception {
        Set<String> nav = navigation("issuer01");
        assertThat(nav).as("issuer01's navigation").noneMatch(link -> INTERNAL.stream().anyMatch(
                internal -> link.equals(internal) || link.startsWith(internal + "/")));
        List<String> reached = new ArrayList<>();
        for (String path : INTERNAL) {
            int status = status("issuer01", path);
            if (status != 403) {
                reached.add(path + " → " + status);
            }
        }
        assertThat(reached).as("internal pages that answered issuer01 other than 403").isEmpty();
        for (String path : PARTICIPANT_PAGES) {
            assertThat(status("issuer01", path)).as(path).isEqualTo(200);
        }
    }

    @Test
    void internalStaffStillReachTheirPages() throws Exception {
        assertThat(status("zhangsan", "/demand")).isEqualTo(200);
        assertThat(status("zhouba", "/demand/board")).isEqualTo(200);
        assertThat(status("admin", "/monitor/jobs")).isEqualTo(200);
        assertThat(status("sunqi", "/governance")).isEqualTo(200);
    }
}
