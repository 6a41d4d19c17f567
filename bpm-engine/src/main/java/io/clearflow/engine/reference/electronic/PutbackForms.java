package io.clearflow.engine.reference.electronic;

import io.clearflow.engine.api.ModuleSchema;
import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.api.StartPage;
import io.clearflow.engine.forms.FormDefinition;
import io.clearflow.engine.forms.FormField;
import io.clearflow.engine.forms.Patterns;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The put-back registration's forms (the issuer's start form and the reviewers' task forms), its
 * menu entry, and the tables of both mode reference processes (schema {@code modes}).
 */
@Configuration(proxyBeanMethods = false)
class PutbackForms {

    static final String REGISTRATION = "putback-registration";
    static final String REVIEW = "putback-review";
    static final String SIGN_OFF = "putback-signoff";

    @Bean
    ModuleSchema modesSchema() {
        return new ModuleSchema("modes", "classpath:db/migration/modes");
    }

    @Bean
    NavigationItem putbackNavigation() {
        return new NavigationItem("modes.nav.putback", "/putback/new", 30, List.of("PARTICIPANT", "BUSINESS"), NavigationItem.BUSINESS);
    }

    @Bean
    StartPage putbackStartPage() {
        return new StartPage(PutbackService.PROCESS_KEY, "/putback/new");
    }

    @Bean
    FormDefinition putbackRegistrationForm() {
        return new FormDefinition(REGISTRATION, "modes.putback.new", List.of(
                FormField.text("issuerName", "modes.putback.issuerName").mandatory().maxLength(100),
                FormField.text("securityCode", "modes.field.securityCode").mandatory()
                        .pattern(Patterns.SECURITY_CODE, "modes.field.securityCode.pattern"),
                FormField.text("securityName", "modes.putback.securityName").mandatory().maxLength(50),
                FormField.number("putbackPrice", "modes.putback.price").mandatory().range("0.01", "10000").step("0.01"),
                FormField.date("registrationStart", "modes.putback.registrationStart").mandatory(),
                FormField.date("registrationEnd", "modes.putback.registrationEnd").mandatory(),
                FormField.date("paymentDate", "modes.putback.paymentDate").mandatory(),
                FormField.text("contactName", "modes.field.contactName").mandatory().maxLength(50),
                FormField.text("contactPhone", "modes.field.contactPhone").mandatory()
                        .pattern(Patterns.PHONE, "modes.field.contactPhone.pattern"),
                FormField.textarea("remarks", "modes.putback.remarks").maxLength(1000)));
    }

    @Bean
    FormDefinition putbackReviewForm() {
        return new FormDefinition(REVIEW, "modes.review.title", decisionFields("modes.review.approve", "modes.review.reject"));
    }

    @Bean
    FormDefinition putbackSignOffForm() {
        return new FormDefinition(SIGN_OFF, "modes.signOff.title", decisionFields("modes.signOff.approve", "modes.signOff.reject"));
    }

    /** A decision (the routing fact {@code approved}) and a required opinion, which becomes the task comment. */
    static List<FormField> decisionFields(String approveKey, String rejectKey) {
        return List.of(
                FormField.select("approved", "modes.review.decision",
                        new FormField.Option("true", approveKey), new FormField.Option("false", rejectKey)).mandatory().routingFact(),
                FormField.textarea("comment", "modes.review.opinion").mandatory().maxLength(2000));
    }
}
