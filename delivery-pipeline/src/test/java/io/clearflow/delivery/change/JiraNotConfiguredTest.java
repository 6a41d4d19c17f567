package io.clearflow.delivery.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** Without Jira (the embedded default) a defect sync says so clearly and records nothing. */
class JiraNotConfiguredTest extends DeliveryFlowSupport {

    @Test
    void syncingDefectsWithoutJiraIsAClearConflict() throws Exception {
        Setup s = version(false);
        postJson("zhengshi", "/api/delivery/versions/" + s.versionId() + "/defects/sync", "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Jira")));
        assertThat(timelineKinds(s.versionId())).doesNotContain("defects.synced");
    }
}
