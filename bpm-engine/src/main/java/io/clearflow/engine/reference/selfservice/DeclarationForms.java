package io.clearflow.engine.reference.selfservice;

import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.api.StartPage;
import io.clearflow.engine.forms.FormDefinition;
import io.clearflow.engine.forms.FormField;
import io.clearflow.engine.forms.Patterns;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The self-service declaration form: one uniform set of validation rules (seed: 统一系统校验规则),
 * checked instantly on the server and, from the same definition, in the browser.
 */
@Configuration(proxyBeanMethods = false)
class DeclarationForms {

    static final String DECLARATION = "selfservice-declaration";
    static final String REVIEW = "declaration-review";

    @Bean
    NavigationItem selfServiceNavigation() {
        return new NavigationItem("modes.nav.selfservice", "/selfservice", 31,
                List.of("PARTICIPANT", "BUSINESS", "PROCESS_OWNER", "ADMIN"), NavigationItem.BUSINESS);
    }

    @Bean
    StartPage declarationStartPage() {
        return new StartPage(DeclarationService.PROCESS_KEY, "/selfservice/new");
    }

    @Bean
    FormDefinition declarationForm() {
        return new FormDefinition(DECLARATION, "modes.declaration.new", List.of(
                FormField.select("kind", "modes.declaration.kind",
                        new FormField.Option("PUTBACK", "modes.declaration.kind.PUTBACK"),
                        new FormField.Option("PUTBACK_CANCEL", "modes.declaration.kind.PUTBACK_CANCEL")).mandatory(),
                FormField.text("securityCode", "modes.field.securityCode").mandatory()
                        .pattern(Patterns.SECURITY_CODE, "modes.field.securityCode.pattern"),
                FormField.number("quantity", "modes.declaration.quantity").mandatory().range("100", "100000000").step("100"),
                FormField.number("amount", "modes.declaration.amount").mandatory().range("0.01", "9999999999999999.99")
                        .step("0.01"),
                FormField.date("declareDate", "modes.declaration.declareDate").mandatory(),
                FormField.text("contactName", "modes.field.contactName").mandatory().maxLength(50),
                FormField.text("contactPhone", "modes.field.contactPhone").mandatory()
                        .pattern(Patterns.PHONE, "modes.field.contactPhone.pattern")));
    }

    @Bean
    FormDefinition declarationReviewForm() {
        return new FormDefinition(REVIEW, "modes.review.title", List.of(
                FormField.select("approved", "modes.review.decision",
                        new FormField.Option("true", "modes.review.approve"),
                        new FormField.Option("false", "modes.review.reject")).mandatory().routingFact(),
                FormField.textarea("comment", "modes.review.opinion").mandatory().maxLength(2000)));
    }
}
