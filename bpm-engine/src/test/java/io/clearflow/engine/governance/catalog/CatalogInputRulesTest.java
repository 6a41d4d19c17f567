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
 * refusal keeps the field and the English text the hand-written checks gave, in both languages.
 */
class CatalogInputRulesTest {

    private final LocalValidatorFactoryBean validator = validator();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void classificationIsCheckedModeFirstThenTheReason(String language) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.ModeChoice("teleport", "why", "electronic"),
                "unknown mode"), "unknown mode", Map.of("mode", "one of [electronic, self-service, intelligent]"));
        var override = new CatalogInputs.ModeChoice("self-service", "  ", "electronic");
        DeclaredRules.check(validator, override, "unknown mode");
        assertRefused(() -> DeclaredRules.check(validator, override, "needs a reason", CatalogInputs.ModeChoice.Override.class),
                "needs a reason", Map.of("reason", "required when the mode differs from the recommendation (electronic)"));
        var accepted = new CatalogInputs.ModeChoice("electronic", null, "electronic");
        DeclaredRules.check(validator, accepted, "needs a reason", CatalogInputs.ModeChoice.Override.class);
        var tooLong = new CatalogInputs.ModeChoice("self-service", "x".repeat(2001), "electronic");
        DeclaredRules.check(validator, tooLong, "needs a reason", CatalogInputs.ModeChoice.Override.class);
        assertRefused(() -> DeclaredRules.check(validator, tooLong, "too long", CatalogInputs.ModeChoice.Length.class),
                "too long", Map.of("reason", "at most 2000 characters"));
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.Suitability(false, " "), "a reason is required"),
                "a reason is required", Map.of("reason", "required, at most 2000 characters"));
        DeclaredRules.check(validator, new CatalogInputs.Suitability(true, null), "a reason is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void feedbackAndImprovementActions(String language) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.Rating(" ", null, 6, "x".repeat(2001)), "bad"),
                "bad", Map.of("rating", "1 to 5", "comment", "at most 2000 characters", "caseId", "required"));
        DeclaredRules.check(validator, new CatalogInputs.Rating("c1", null, 5, null), "bad");
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.Action(" ".repeat(3), "x".repeat(4001),
                "x".repeat(501), List.of(1L, 2L), List.of(1L)), "bad"), "bad", Map.of("title", "required, at most 200 characters",
                "description", "at most 4000 characters", "metricRef", "at most 500 characters",
                "feedbackIds", "only feedback on this scenario's process can be linked"));
        DeclaredRules.check(validator, new CatalogInputs.Action(" " + "t".repeat(200) + " ", null, null, List.of(1L, 1L),
                List.of(1L)), "bad");
        assertRefused(() -> DeclaredRules.check(validator, new CatalogInputs.ActionStatus("closed"), "unknown status"),
                "unknown status", Map.of("status", "one of [open, in-progress, done, dropped]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void formDefinitionsByField(String language) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
        assertRefused(() -> DeclaredRules.check(validator, new FormDefinition(null), "none", FormDefinition.Present.class),
                "none", Map.of("fields", "at least one field"));
        List<FormDefinition.Field> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(new FormDefinition.Field("f" + i, "F", "text", false, null, null));
        }
        assertRefused(() -> DeclaredRules.check(validator, new FormDefinition(many), "many", FormDefinition.Bounded.class),
                "many", Map.of("fields", "at most 100"));
        var form = new FormDefinition(List.of(
                new FormDefinition.Field("amount", "金额", "number", true, null, null),
                new FormDefinition.Field("amount", " ", "money", false, "(", null),
                new FormDefinition.Field("1st", "x".repeat(201), "select", false, "a".repeat(501), List.of()),
                new FormDefinition.Field("note", "备注", "text", false, null, null),
                new FormDefinition.Field("note", "备注", "text", false, "[0-9]+", null)));
        assertRefused(() -> DeclaredRules.check(validator, form, "invalid"), "invalid", Map.of(
                "fields[1].key", "duplicate key amount",
                "fields[1].label", "required, at most 200 characters",
                "fields[1].type", "one of [text, textarea, number, date, boolean, select, email]",
                "fields[1].pattern", "not a valid regular expression (at most 500 characters)",
                "fields[2].key", "letters, digits and _, starting with a letter or _, at most 64",
                "fields[2].label", "required, at most 200 characters",
                "fields[2].options", "a select field needs options",
                "fields[2].pattern", "not a valid regular expression (at most 500 characters)",
                "fields[4].key", "duplicate key note"));
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
