package io.clearflow.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;

/**
 * Ordinary bad input on a page form (a title of spaces, an amount the browser accepts but the server
 * does not) comes back as the same form with the refusal under the field, in the user's language, the
 * input kept and nothing stored; never a 500.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FormRefusalPagesTest {

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    private int approvals() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cf_approval_request", Integer.class);
    }

    @Test
    void approvalFormShowsTheRefusalNextToTheFieldInBothLanguages() throws Exception {
        int before = approvals();
        String zh = mvc.perform(post("/approvals").with(user("zhangsan").roles("BUSINESS")).with(csrf())
                        .param("title", "   ").param("amount", "99999999999999999999").param("reason", "客户要求变更"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("id=\"error-title\"").contains("请填写标题")
                .contains("id=\"error-amount\"").contains("不超过 9999999999999999.99")
                .doesNotContain("id=\"error-reason\"")
                .contains("value=\"99999999999999999999\"").contains("客户要求变更")
                .doesNotContain("??").doesNotContain("required, at most");
        String en = mvc.perform(post("/approvals").param("lang", "en").with(user("zhangsan").roles("BUSINESS")).with(csrf())
                        .param("title", "x").param("amount", "abc").param("reason", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Enter an amount").contains("Enter the reason").doesNotContain("??");
        assertThat(approvals()).isEqualTo(before);
    }

    @Test
    void accountOpeningFormShowsTheRefusalNextToTheField() throws Exception {
        String html = mvc.perform(multipart("/account-opening").file(new MockMultipartFile("image", "id.png", "image/png", new byte[0]))
                        .with(user("zhangsan").roles("BUSINESS")).with(csrf())
                        .param("name", " ").param("idNumber", "123").param("phone", "12").param("address", "上海"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("请填写姓名").contains("请填写 18 位身份证号").contains("请填写手机号")
                .contains("请选择身份证照片").doesNotContain("id=\"error-address\"").contains("value=\"123\"")
                .doesNotContain("??");
    }
}
