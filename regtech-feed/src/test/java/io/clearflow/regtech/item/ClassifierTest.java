package io.clearflow.regtech.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The default dictionary on the seed tracker's items (§(f)) and the retention rule (§(g)). */
class ClassifierTest {

    final Classifier classifier = new Classifier(TopicDictionary.DEFAULT_TOPICS, TopicDictionary.DEFAULT_DEPARTMENTS, Duration.ofDays(90));
    final Instant now = Instant.parse("2024-06-07T00:00:00Z");

    Classifier.Classification c(String title, boolean newsSource) {
        return classifier.classify(title, null, newsSource, Instant.parse("2024-05-01T00:00:00Z"), now);
    }

    @Test
    void seedItemsGetTheSeedsTags() {
        assertThat(c("FINRA 2024 Annual Regulatory Oversight Report: crypto-asset developments, disclosure, cybersecurity, AML", false).topics())
                .contains("aml", "crypto", "cyber", "disclosure");
        assertThat(c("EBA extends ML/TF Risk Factors Guidelines to crypto-asset service providers (CASPs)", false).topics())
                .containsExactly("aml", "crypto");
        assertThat(c("2024金融业生成式人工智能应用报告", false).topics()).contains("ai");
        assertThat(c("香港金管局推出批发层面央行数字货币项目Ensemble", false).topics()).contains("cbdc-payments");
        assertThat(c("银行业数据资产估值指南", false).topics()).containsExactly("data");
        assertThat(c("证监会通报2023年案件办理情况：加大执法力度", false).topics()).contains("enforcement");
        assertThat(c("Digital ID Bill 2024 passed", false).topics()).contains("digital-identity");
        assertThat(c("证券期货业信息系统压力测试指南（征求意见稿）", false).topics()).contains("stress-testing");
        assertThat(c("加快数字人才培育支撑数字经济发展行动方案", false).topics()).contains("talent-policy", "data");
    }

    @Test
    void englishWordsMatchWholeWordsOnly() {
        assertThat(c("Chair said the daily campaign was fair", false).topics()).doesNotContain("ai");
        assertThat(c("New AI Act approved", false).topics()).contains("ai");
    }

    @Test
    void departmentsFollowTopicsAndComplianceAlwaysHears() {
        assertThat(c("数字人民币跨境支付试点", false).departments()).containsExactly("dept-compliance", "dept-clearing", "dept-it");
        assertThat(c("Nothing classifiable", false).departments()).containsExactly("dept-compliance");
    }

    @Test
    void newsLikeItemsExpireAndLongLivedOnesAreKept() {
        var speech = c("Speech by the Chair at the fintech forum", false);
        assertThat(speech.newsLike()).isTrue();
        assertThat(speech.expiresAt()).isEqualTo(Instant.parse("2024-07-30T00:00:00Z"));
        assertThat(c("潘功胜出席上海国际金融中心建设座谈会", false).newsLike()).isTrue();
        var rule = c("上海证券交易所程序化交易管理实施细则", true);
        assertThat(rule.newsLike()).as("a rule from a news source is kept").isFalse();
        assertThat(rule.expiresAt()).isNull();
        assertThat(c("HKMA launches FiNETech platform", true).newsLike()).isTrue();
        assertThat(c("HKMA launches FiNETech platform", false).newsLike()).isFalse();
    }
}
