package io.clearflow.mining.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A discovered model's download name: what it models and the day, readable in any script, safe as a file name. */
class DiscoveredModelFileTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    @Test
    void theLogsNameWithoutItsExtensionAndTheDay() {
        assertThat(DiscoveredModelFile.name("reviewing.xes", DAY)).isEqualTo("reviewing-2026-12-06.bpmn20.xml");
        assertThat(DiscoveredModelFile.name("helpdesk.xes.gz", DAY)).isEqualTo("helpdesk-2026-12-06.bpmn20.xml");
        assertThat(DiscoveredModelFile.name("回售业务审批", DAY)).isEqualTo("回售业务审批-2026-12-06.bpmn20.xml");
    }

    @Test
    void pathsQuotesAndBlanksNeverReachTheFileName() {
        assertThat(DiscoveredModelFile.name("../../etc/pass\"wd; x.csv", DAY)).isEqualTo("etc-pass-wd-x-2026-12-06.bpmn20.xml");
        assertThat(DiscoveredModelFile.name("  ", DAY)).isEqualTo("model-2026-12-06.bpmn20.xml");
        assertThat(DiscoveredModelFile.name(null, DAY)).isEqualTo("model-2026-12-06.bpmn20.xml");
        assertThat(DiscoveredModelFile.name("a".repeat(300), DAY)).hasSize(80 + "-2026-12-06.bpmn20.xml".length());
    }

    @Test
    void aChineseNameTravelsAsUtf8() {
        assertThat(DiscoveredModelFile.attachment("回售业务审批", DAY)).startsWith("attachment; ")
                .contains("filename*=UTF-8''").contains("%E5%9B%9E");
    }
}
