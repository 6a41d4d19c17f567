package io.clearflow.engine.reference.electronic;

import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.forms.FormDefinition;
import io.clearflow.engine.forms.FormRegistry;
import io.clearflow.engine.forms.FormValidator;
import io.clearflow.engine.forms.TaskFormListener;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The electronic-mode reference process: a put-back registration and its reviews. The registration
 * row and its process start in one transaction; each review's opinion is stored as its task completes.
 */
@Service
public class PutbackService implements TaskFormListener {

    public static final String PROCESS_KEY = "putbackRegistration";
    static final String SIGN_OFF_STEP = "signOff";
    /** Registry review is due the working day before registration opens, at close of business. */
    static final LocalTime REVIEW_CUT_OFF = LocalTime.of(17, 0);

    private final PutbackRegistrationRepository registrations;
    private final PutbackReviewRepository reviews;
    private final WorkService work;
    private final FormRegistry forms;
    private final FormValidator validator;
    private final Validator rules;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    PutbackService(PutbackRegistrationRepository registrations, PutbackReviewRepository reviews, WorkService work, FormRegistry forms, FormValidator validator,
                   Validator rules, MessageSource messages, Clock clock, io.clearflow.engine.web.TimeFormat times) {
        this.rules = rules;
        this.registrations = registrations;
        this.reviews = reviews;
        this.work = work;
        this.forms = forms;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
        this.zone = times.zone();
    }

    /** Submits a registration from its form's values; 400 with field errors when any breaks a rule. */
    @Transactional
    public PutbackRegistration submit(Member submitter, Map<String, ?> submitted) {
        Map<String, String> v = validator.validate(forms.get(PutbackForms.REGISTRATION), submitted);
        PutbackPeriod period = DeclaredRules.check(rules, new PutbackPeriod(LocalDate.parse(v.get("registrationStart")),
                LocalDate.parse(v.get("registrationEnd")), LocalDate.parse(v.get("paymentDate"))), text("modes.form.invalid"));
        var now = clock.instant();
        long id = registrations.insert(new PutbackRegistrationRepository.NewRegistration(v.get("issuerName"),
                v.get("securityCode"), v.get("securityName"), new BigDecimal(v.get("putbackPrice")), period.registrationStart(),
                period.registrationEnd(), period.paymentDate(),
                v.get("contactName"), v.get("contactPhone"), v.get("remarks"), submitter.userId(),
                submitter.department()), now);
        // the first review's deadline comes from the form: close of business the day before registration opens
        String reviewDue = period.registrationStart().minusDays(1).atTime(REVIEW_CUT_OFF).atZone(zone).toInstant().toString();
        CaseView started = work.start(submitter, PROCESS_KEY, "HS-" + id,
                Map.of("registrationId", id, "reviewDue", reviewDue));
        registrations.setCase(id, started.id());
        return byId(id);
    }

    /** The registration behind a case; callers check first that the member may follow the case. */
    @Transactional(readOnly = true)
    public PutbackRegistration forCase(String caseId) {
        return registrations.forCase(caseId)
                .orElseThrow(() -> new NotFoundException("put-back registration of case", caseId));
    }

    @Transactional(readOnly = true)
    public List<PutbackRegistration.Review> reviews(long registrationId) {
        return reviews.of(registrationId);
    }

    /**
     * Stores a reviewer's opinion as their task completes. Four eyes: nobody reviews their own
     * submission, and nobody takes two different steps of the same registration.
     */
    @Override
    public void submitted(Member member, TaskView task, FormDefinition form, Map<String, String> values) {
        if (!PROCESS_KEY.equals(task.processKey())) {
            return;
        }
        PutbackRegistration registration = forCase(task.caseId());
        if (registration.submittedBy().equals(member.userId())) {
            throw new AccessDeniedException(text("modes.putback.error.ownSubmission"));
        }
        if (reviews.reviewedOtherStep(registration.id(), member.userId(), task.activityId())) {
            throw new AccessDeniedException(text("modes.putback.error.fourEyes"));
        }
        boolean approved = Boolean.parseBoolean(values.get("approved"));
        var now = clock.instant();
        reviews.insert(registration.id(), task.activityId(), task.name(), member.userId(), member.department(), approved,
                values.get("comment"), now);
        PutbackRegistration.Status status = !approved ? PutbackRegistration.Status.REJECTED
                : SIGN_OFF_STEP.equals(task.activityId()) ? PutbackRegistration.Status.REGISTERED
                : PutbackRegistration.Status.IN_REVIEW;
        registrations.setStatus(registration.id(), status, now);
    }

    private PutbackRegistration byId(long id) {
        // only called with the id just stored
        return registrations.find(id).orElseThrow(() -> new IllegalStateException("registration " + id + " vanished"));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
