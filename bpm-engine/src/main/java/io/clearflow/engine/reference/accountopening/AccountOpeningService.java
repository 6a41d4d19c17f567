package io.clearflow.engine.reference.accountopening;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
    static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dX]");
    static final Pattern PHONE = Pattern.compile("1\\d{10}");

    /** The form as typed. */
    public record Form(String name, String idNumber, String phone, String address) { }

    /** What the bot reports: whether every check passed, its findings, and what it read from the card. */
    public record Findings(boolean passed, List<String> findings, String ocrName, String ocrIdNumber) { }

    private final ApplicationRepository applications;
    private final AccountRepository accounts;
    private final WorkService work;
    private final IdCardImagePolicy images;
    private final Clock clock;

    private final io.clearflow.engine.work.CaseOpinions opinions;

    AccountOpeningService(ApplicationRepository applications, AccountRepository accounts, WorkService work, IdCardImagePolicy images, Clock clock,
                          io.clearflow.engine.work.CaseOpinions opinions) {
        this.opinions = opinions;
        this.applications = applications;
        this.accounts = accounts;
        this.work = work;
        this.images = images;
        this.clock = clock;
    }

    /** Records the application and starts its process in one transaction. */
    @Transactional
    public AccountApplication apply(Member applicant, Form form, byte[] image) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(form.name());
        String idNumber = strip(form.idNumber()).toUpperCase();
        String phone = strip(form.phone());
        String address = strip(form.address());
        if (name.isEmpty() || name.length() > 50) {
            errors.put("name", "accountOpening.error.name");
        }
        if (!ID_SHAPE.matcher(idNumber).matches()) {
            errors.put("idNumber", "accountOpening.error.idNumber");
        }
        if (!PHONE.matcher(phone).matches()) {
            errors.put("phone", "accountOpening.error.phone");
        }
        if (address.isEmpty() || address.length() > 200) {
            errors.put("address", "accountOpening.error.address");
        }
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
                name, idNumber, phone, address, checked.contentType(), checked.width(), checked.height(), image), now);
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
