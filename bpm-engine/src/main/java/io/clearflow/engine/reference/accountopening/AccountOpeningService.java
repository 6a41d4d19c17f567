package io.clearflow.engine.reference.accountopening;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

    private final JdbcTemplate jdbc;
    private final WorkService work;
    private final IdCardImagePolicy images;
    private final Clock clock;

    private final io.clearflow.engine.work.CaseOpinions opinions;

    AccountOpeningService(JdbcTemplate jdbc, WorkService work, IdCardImagePolicy images, Clock clock,
                          io.clearflow.engine.work.CaseOpinions opinions) {
        this.opinions = opinions;
        this.jdbc = jdbc;
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
        var keys = new GeneratedKeyHolder();
        IdCardImagePolicy.Checked img = checked;
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO ao_application (applicant, department, investor_name, id_number,"
                    + " phone, address, image_type, image_width, image_height, id_image, status, created_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, applicant.userId());
            ps.setString(2, applicant.department());
            ps.setString(3, name);
            ps.setString(4, idNumber);
            ps.setString(5, phone);
            ps.setString(6, address);
            ps.setString(7, img.contentType());
            ps.setInt(8, img.width());
            ps.setInt(9, img.height());
            ps.setBytes(10, image);
            ps.setString(11, "submitted");
            ps.setTimestamp(12, Timestamp.from(now));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        CaseView started = work.start(applicant, PROCESS_KEY, "KH-" + id, Map.of("applicationId", id));
        jdbc.update("UPDATE ao_application SET case_id = ? WHERE id = ?", started.id(), id);
        return application(id);
    }

    @Transactional(readOnly = true)
    public AccountApplication application(long id) {
        return jdbc.query("SELECT a.*, c.account_no FROM ao_application a LEFT JOIN ao_account c ON c.application_id = a.id"
                + " WHERE a.id = ?", AccountOpeningService::map, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("account-opening application", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Optional<AccountApplication> forCase(String caseId) {
        return jdbc.query("SELECT a.*, c.account_no FROM ao_application a LEFT JOIN ao_account c ON c.application_id = a.id"
                + " WHERE a.case_id = ?", AccountOpeningService::map, caseId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public byte[] image(long id) {
        return jdbc.query("SELECT id_image FROM ao_application WHERE id = ?", (rs, i) -> rs.getBytes(1), id).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("account-opening application", String.valueOf(id)));
    }

    /** The account already opened for an ID number, if any (the bot's duplicate check). */
    @Transactional(readOnly = true)
    public Optional<String> accountFor(String idNumber) {
        return jdbc.queryForList("SELECT account_no FROM ao_account WHERE id_number = ? ORDER BY id", String.class,
                strip(idNumber).toUpperCase()).stream().findFirst();
    }

    /** The bot's findings; reported again after a retry they replace the earlier ones. */
    @Transactional
    public AccountApplication recordFindings(long id, Findings findings) {
        application(id);
        List<String> lines = findings.findings() == null ? List.of() : findings.findings().stream()
                .filter(f -> f != null && !f.isBlank()).map(f -> f.length() > 300 ? f.substring(0, 300) : f).limit(12).toList();
        jdbc.update("UPDATE ao_application SET check_passed = ?, findings = ?, ocr_name = ?, ocr_id_number = ?, checked_at = ?,"
                        + " status = CASE WHEN status = 'submitted' THEN 'checked' ELSE status END WHERE id = ?",
                findings.passed(), String.join("\n", lines), cut(findings.ocrName(), 100), cut(findings.ocrIdNumber(), 40),
                Timestamp.from(clock.instant()), id);
        return application(id);
    }

    /** A person of 账户管理部 opens or rejects a handed-over application. */
    @Transactional
    public void decide(Member reviewer, String taskId, boolean open, String comment) {
        var task = work.task(reviewer, taskId);
        opinions.decision(reviewer, taskId, open, comment);
        AccountApplication application = forCase(task.caseId())
                .orElseThrow(() -> new NotFoundException("account-opening application of case", task.caseId()));
        jdbc.update("UPDATE ao_application SET decided_by = ?, decided_at = ?, status = ? WHERE id = ?", reviewer.userId(),
                Timestamp.from(clock.instant()), open ? application.status() : "rejected", application.id());
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
            jdbc.update("INSERT INTO ao_account (account_no, application_id, id_number, investor_name, opened_by, opened_at)"
                            + " VALUES (?,?,?,?,?,?)", accountNo, applicationId, application.idNumber(), application.name(),
                    application.decidedBy() == null ? "rpa-bot" : application.decidedBy(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            return application(applicationId).accountNo();
        }
        jdbc.update("UPDATE ao_application SET status = 'opened' WHERE id = ?", applicationId);
        return accountNo;
    }

    private static AccountApplication map(ResultSet rs, int row) throws SQLException {
        String findings = rs.getString("findings");
        boolean checked = rs.getObject("check_passed") != null;
        return new AccountApplication(rs.getLong("id"), rs.getString("case_id"), rs.getString("applicant"),
                rs.getString("department"), rs.getString("investor_name"), rs.getString("id_number"), rs.getString("phone"),
                rs.getString("address"), rs.getString("image_type"), rs.getInt("image_width"), rs.getInt("image_height"),
                rs.getString("status"), checked ? rs.getBoolean("check_passed") : null,
                findings == null || findings.isEmpty() ? List.of() : Arrays.asList(findings.split("\n")),
                rs.getString("ocr_name"), rs.getString("ocr_id_number"), instant(rs.getTimestamp("checked_at")),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), instant(rs.getTimestamp("created_at")),
                rs.getString("account_no"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String cut(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }
}
