package io.clearflow.engine.governance.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The declared rules of the catalog's decisions, step 5 and form definitions, on a validator built as
 * Spring Boot builds the application's (messages from the bundle, in the reader's language): each
 * refusal keeps its field, with the Chinese text for Chinese readers and the English one for English
 * readers, the values filled in and never a raw key.
 */
class CatalogInputRulesTest {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "zh", Map.ofEntries(
                    Map.entry("oneOfModes", "须为以下之一：[electronic, self-service, intelligent]"),
                    Map.entry("overrideReason", "所选模式与推荐模式（electronic）不同时必填"),
                    Map.entry("2000", "最多 2000 个字符"),
                    Map.entry("suitabilityReason", "必填，最多 2000 个字符"),
                    Map.entry("rating", "须为 1 到 5 分"),
                    Map.entry("required", "必填"),
                    Map.entry("title", "必填，最多 200 个字符"),
                    Map.entry("4000", "最多 4000 个字符"),
                    Map.entry("500", "最多 500 个字符"),
                    Map.entry("feedbackIds", "只能关联对本场景流程的评价"),
                    Map.entry("oneOfStatuses", "须为以下之一：[open, in-progress, done, dropped]"),
                    Map.entry("noFields", "至少需要一个字段"),
                    Map.entry("tooManyFields", "最多 100 个字段"),
                    Map.entry("duplicateAmount", "字段标识 amount 重复"),
                    Map.entry("duplicateNote", "字段标识 note 重复"),
                    Map.entry("label", "必填，最多 200 个字符"),
                    Map.entry("oneOfTypes", "须为以下之一：[text, textarea, number, date, boolean, select, email]"),
                    Map.entry("pattern", "不是有效的正则表达式（最多 500 个字符）"),
                    Map.entry("key", "只含字母、数字和下划线，以字母或下划线开头，最多 64 个字符"),
                    Map.entry("options", "下拉选择须有选项")),
            "en", Map.ofEntries(
                    Map.entry("oneOfModes", "one of [electronic, self-service, intelligent]"),
                    Map.entry("overrideReason", "required when the mode differs from the recommendation (electronic)"),
                    Map.entry("2000", "at most 2000 characters"),
                    Map.entry("suitabilityReason", "required, at most 2000 characters"),
                    Map.entry("rating", "1 to 5"),
                    Map.entry("required", "required"),
                    Map.entry("title", "required, at most 200 characters"),
                    Map.entry("4000", "at most 4000 characters"),
                    Map.entry("500", "at most 500 characters"),
                    Map.entry("feedbackIds", "only feedback on this scenario's process can be linked"),
                    Map.entry("oneOfStatuses", "one of [open, in-progress, done, dropped]"),
                    Map.entry("noFields", "at least one field"),
                    Map.entry("tooManyFields", "at most 100"),
                    Map.entry("duplicateAmount", "duplicate key amount"),
                    Map.entry("duplicateNote", "duplicate key note"),
                    Map.entry("label", "required, at most 200 characters"),
                    Map.entry("oneOfTypes", "one of [text, textarea, number, date, boolean, select, email]"),
                    Map.entry("pattern", "not a valid regular expression (at most 500 characters)"),
                    Map.entry("key", "letters, digits and _, starting with a letter or _, at most 64"),
                    Map.entry("options", "a select field needs options")));

    private final LocalValidatorFactoryBean validator = validator();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void classificationIsCheckedModeFirstThenTheReason(String language) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
        Map<String, String> text = TEXTS.get(language);
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.ModeChoice("teleport", "why", "electronic"),
                "unknown mode"), "unknown mode", Map.of("mode", text.get("oneOfModes")));
        var override = new CatalogInputs.ModeChoice("self-service", "  ", "electronic");
        DeclaredRules.check(validator, override, "unknown mode");
        assertRefused(() -> DeclaredRules.check(validator, override, "needs a reason", CatalogInputs.ModeChoice.Override.class),
                "needs a reason", Map.of("reason", text.get("overrideReason")));
        var accepted = new CatalogInputs.ModeChoice("electronic", null, "electronic");
        DeclaredRules.check(validator, accepted, "needs a reason", CatalogInputs.ModeChoice.Override.class);
        var tooLong = new CatalogInputs.ModeChoice("self-service", "x".repeat(2001), "electronic");
        DeclaredRules.check(validator, tooLong, "needs a reason", CatalogInputs.ModeChoice.Override.class);
        assertRefused(() -> DeclaredRules.check(validator, tooLong, "too long", CatalogInputs.ModeChoice.Length.class),
                "too long", Map.of("reason", text.get("2000")));
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.Suitability(false, " "), "a reason is required"),
                "a reason is required", Map.of("reason", text.get("suitabilityReason")));
        DeclaredRules.check(validator, new CatalogInputs.Suitability(true, null), "a reason is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void feedbackAndImprovementActions(String language) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
        Map<String, String> text = TEXTS.get(language);
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.Rating(" ", null, 6, "x".repeat(2001)), "bad"),
                "bad", Map.of("rating", text.get("rating"), "comment", text.get("2000"), "caseId", text.get("required")));
        DeclaredRules.check(validator, new CatalogInputs.Rating("c1", null, 5, null), "bad");
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.Action(" ".repeat(3), "x".repeat(4001),
                "x".repeat(501), List.of(1L, 2L), List.of(1L)), "bad"), "bad", Map.of("title", text.get("title"),
                "description", text.get("4000"), "metricRef", text.get("500"),
                "feedbackIds", text.get("feedbackIds")));
        DeclaredRules.check(validator, new CatalogInputs.Action(" " + "t".repeat(200) + " ", null, null, List.of(1L, 1L),
                List.of(1L)), "bad");
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.ActionStatus("closed"), "unknown status"),
                "unknown status", Map.of("status", text.get("oneOfStatuses")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void formDefinitionsByField(String language) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
        Map<String, String> text = TEXTS.get(language);
        assertRefused(() -> DeclaredRules.check(validator, new FormDefinition(null), "none", FormDefinition.Present.class),
                "none", Map.of("fields", text.get("noFields")));
        List<FormDefinition.Field> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(new FormDefinition.Field("f" + i, "F", "text", false, null, null));
        }
        assertRefused(() -> DeclaredRules.check(validator, new FormDefinition(many), "many", FormDefinition.Bounded.class),
                "many", Map.of("fields", text.get("tooManyFields")));
        var form = new FormDefinition(List.of(
                new FormDefinition.Field("amount", "金额", "number", true, null, null),
                new FormDefinition.Field("amount", " ", "money", false, "(", null),
                new FormDefinition.Field("1st", "x".repeat(201), "select", false, "a".repeat(501), List.of()),
                new FormDefinition.Field("note", "备注", "text", false, null, null),
                new FormDefinition.Field("note", "备注", "text", false, "[0-9]+", null)));
        assertRefused(() -> DeclaredRules.check(validator, form, "invalid"), "invalid", Map.of(
                "fields[1].key", text.get("duplicateAmount"),
                "fields[1].label", text.get("label"),
                "fields[1].type", text.get("oneOfTypes"),
                "fields[1].pattern", text.get("pattern"),
                "fields[2].key", text.get("key"),
                "fields[2].label", text.get("label"),
                "fields[2].options", text.get("options"),
                "fields[2].pattern", text.get("pattern"),
                "fields[4].key", text.get("duplicateNote")));
    }

    @Test
    void aValidFormPasses() {
        DeclaredRules.check(validator, new FormDefinition(List.of(new FormDefinition.Field("opinion", "意见", "select", true,
                null, List.of("同意", "不同意")))), "invalid");
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable check, String message, Map<String, String> errors) {
        InvalidRequestException e = org.assertj.core.api.Assertions.catchThrowableOfType(check, InvalidRequestException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.fieldErrors()).isEqualTo(errors);
        assertThat(e.fieldErrors().values()).allSatisfy(text -> assertThat(text)
                .doesNotContain("gov.").doesNotContain("??").doesNotContain("{").isNotBlank());
    }

    private static LocalValidatorFactoryBean validator() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/governance");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        LocalValidatorFactoryBean factory = new LocalValidatorFactoryBean();
        factory.setMessageInterpolator(new MessageInterpolatorFactory(messages).getObject());
        factory.afterPropertiesSet();
        return factory;
    }
}
