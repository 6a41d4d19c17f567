package io.clearflow.engine.reference.accountopening;

import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account opening (开户): applications, the bot's findings, the decision of 账户管理部 and the opened
 * accounts. The form is checked for shape here; whether the ID number is genuine (check digit, birth
 * date, age) is the bot's finding, so a person sees why, instead of the investor seeing a bare refusal.
 */
@Service
public class AccountOpeningService {

    public static final String PROCESS_KEY = "accountOpening";

    /** The form as typed, stripped (the ID number in capitals) so the rules see what is stored. Messages are bundle keys. */
    public record Form(
            @NotEmpty(message = "accountOpening.error.name") @Size(max = 50, message = "accountOpening.error.name") String name,
            @Pattern(regexp = "\\d{17}[\\dX]", message = "accountOpening.error.idNumber") String idNumber,
            @Pattern(regexp = "1\\d{10}", message = "accountOpening.error.phone") String phone,
            @NotEmpty(message = "accountOpening.error.address")
            @Size(max = 200, message = "accountOpening.error.address") String address) {

        public Form {
            name = strip(name);
            idNumber = strip(idNumber).toUpperCase();
            phone = strip(phone);
            address = strip(address);
        }
    }

    /** What the bot reports: whether every check passed, its findings, and what it read from the card. */
    public record Findings(boolean passed, List<String> findings, String ocrName, String ocrIdNumber) { }

    private final ApplicationRepository applications;
    private final AccountRepository accounts;
    private final WorkService work;
    private final IdCardImagePolicy images;
    private final Clock clock;

    private final io.clearflow.engine.work.CaseOpinions opinions;
    private final Validator validator;

    AccountOpeningService(ApplicationRepository applications, AccountRepository accounts, WorkService work, IdCardImagePolicy images, Clock clock,
                          io.clearflow.engine.work.CaseOpinions opinions, Validator validator) {
        this.opinions = opinions;
        this.validator = validator;
        this.applications = applications;
        this.accounts = accounts;
        this.work = work;
        this.images = images;
        this.clock = clock;
    }

    /** Records the application and starts its process in one transaction. */
    @Transactional
    public AccountApplication apply(Member applicant, Form form, byte[] image) {
        // the image's refusals are answered with the form's, so every field shows its own at once
        Map<String, String> errors = new LinkedHashMap<>(DeclaredRules.violations(validator, form));
        IdCardImagePolicy.Checked checked = null;
        try {
            checked = images.check(image);
        } catch (InvalidRequestException e) {
            errors.putAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("common.formErrors", errors);
        }
        Instant now = clock.instant();
        long id = applications.insert(new ApplicationRepository.NewApplication(applicant.userId(), applicant.department(),
                form.name(), form.idNumber(), form.phone(), form.address(), checked.contentType(), checked.width(), checked.height(), image), now);
        CaseView started = work.start(applicant, PROCESS_KEY, "KH-" + id, Map.of("applicationId", id));
        applications.setCase(id, started.id());
        return application(id);
    }

    @Transactional(readOnly = true)
    public AccountApplication application(long id) {
        return applications.find(id).orElseThrow(() -> new NotFoundException("account-opening application", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Optional<AccountApplication> forCase(String caseId) {
        return applications.forCase(caseId);
    }

    @Transactional(readOnly = true)
    public byte[] image(long id) {
        return applications.image(id).orElseThrow(() -> new NotFoundException("account-opening application", String.valueOf(id)));
    }

    /** The account already opened for an ID number, if any (the bot's duplicate check). */
    @Transactional(readOnly = true)
    public Optional<String> accountFor(String idNumber) {
        return accounts.forIdNumber(strip(idNumber).toUpperCase());
    }

    /** The bot's findings; reported again after a retry they replace the earlier ones. */
    @Transactional
    public AccountApplication recordFindings(long id, Findings findings) {
        application(id);
        List<String> lines = findings.findings() == null ? List.of() : findings.findings().stream()
                .filter(f -> f != null && !f.isBlank()).map(f -> f.length() > 300 ? f.substring(0, 300) : f).limit(12).toList();
        applications.checked(id, findings.passed(), lines, cut(findings.ocrName(), 100), cut(findings.ocrIdNumber(), 40),
                clock.instant());
        return application(id);
    }

    /** A person of 账户管理部 opens or rejects a handed-over application. */
    @Transactional
    public void decide(Member reviewer, String taskId, boolean open, String comment) {
        var task = work.task(reviewer, taskId);
        opinions.decision(reviewer, taskId, open, comment);
        AccountApplication application = forCase(task.caseId())
                .orElseThrow(() -> new NotFoundException("account-opening application of case", task.caseId()));
        applications.decided(application.id(), reviewer.userId(), open ? application.status() : "rejected", clock.instant());
        work.complete(reviewer, taskId, Map.of("approved", open), null);
    }

    /**
     * Opens the account of an application: once, however often it is called (a retried job finds the
     * account it opened before, the unique application id keeps a concurrent second one out).
     */
    @Transactional
    public String open(long applicationId) {
        AccountApplication application = application(applicationId);
        if (application.accountNo() != null) {
            return application.accountNo();
        }
        String accountNo = "CF" + String.format("%010d", applicationId);
        try {
            accounts.insert(accountNo, applicationId, application.idNumber(), application.name(),
                    application.decidedBy() == null ? "rpa-bot" : application.decidedBy(), clock.instant());
        } catch (DuplicateKeyException e) {
            return application(applicationId).accountNo();
        }
        applications.opened(applicationId);
        return accountNo;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String cut(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }
}
