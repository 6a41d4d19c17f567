package io.clearflow.engine.reference.electronic;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.forms.FormDefinition;
import io.clearflow.engine.forms.FormRegistry;
import io.clearflow.engine.forms.FormValidator;
import io.clearflow.engine.forms.TaskFormListener;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

    private final JdbcTemplate jdbc;
    private final WorkService work;
    private final FormRegistry forms;
    private final FormValidator validator;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    PutbackService(JdbcTemplate jdbc, WorkService work, FormRegistry forms, FormValidator validator,
                   MessageSource messages, Clock clock, io.clearflow.engine.web.TimeFormat times) {
        this.jdbc = jdbc;
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
        LocalDate start = LocalDate.parse(v.get("registrationStart"));
        LocalDate end = LocalDate.parse(v.get("registrationEnd"));
        LocalDate payment = LocalDate.parse(v.get("paymentDate"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (end.isBefore(start)) {
            errors.put("registrationEnd", text("modes.putback.error.endBeforeStart"));
        }
        if (!payment.isAfter(end)) {
            errors.put("paymentDate", text("modes.putback.error.paymentAfterEnd"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(text("modes.form.invalid"), errors);
        }
        var now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO cf_putback_registration (issuer_name, security_code, "
                    + "security_name, putback_price, registration_start, registration_end, payment_date, contact_name, "
                    + "contact_phone, remarks, submitted_by, submitter_department, status, created_at, updated_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, v.get("issuerName"));
            ps.setString(2, v.get("securityCode"));
            ps.setString(3, v.get("securityName"));
            ps.setBigDecimal(4, new BigDecimal(v.get("putbackPrice")));
            ps.setDate(5, Date.valueOf(start));
            ps.setDate(6, Date.valueOf(end));
            ps.setDate(7, Date.valueOf(payment));
            ps.setString(8, v.get("contactName"));
            ps.setString(9, v.get("contactPhone"));
            ps.setString(10, v.get("remarks"));
            ps.setString(11, submitter.userId());
            ps.setString(12, submitter.department());
            ps.setString(13, PutbackRegistration.Status.IN_REVIEW.name());
            ps.setTimestamp(14, Timestamp.from(now));
            ps.setTimestamp(15, Timestamp.from(now));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        // the first review's deadline comes from the form: close of business the day before registration opens
        String reviewDue = start.minusDays(1).atTime(REVIEW_CUT_OFF).atZone(zone).toInstant().toString();
        CaseView started = work.start(submitter, PROCESS_KEY, "HS-" + id,
                Map.of("registrationId", id, "reviewDue", reviewDue));
        jdbc.update("UPDATE cf_putback_registration SET process_instance_id = ? WHERE id = ?", started.id(), id);
        return byId(id);
    }

    /** The registration behind a case; callers check first that the member may follow the case. */
    @Transactional(readOnly = true)
    public PutbackRegistration forCase(String caseId) {
        List<PutbackRegistration> found = jdbc.query("SELECT * FROM cf_putback_registration WHERE process_instance_id = ?",
                PutbackService::registration, caseId);
        if (found.isEmpty()) {
            throw new NotFoundException("put-back registration of case", caseId);
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    public List<PutbackRegistration.Review> reviews(long registrationId) {
        return jdbc.query("SELECT * FROM cf_putback_review WHERE registration_id = ? ORDER BY id",
                (rs, i) -> new PutbackRegistration.Review(rs.getString("step"), rs.getString("step_name"),
                        rs.getString("reviewer"), rs.getString("department"), rs.getBoolean("approved"),
                        rs.getString("opinion"), rs.getTimestamp("reviewed_at").toInstant()), registrationId);
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
        Integer otherSteps = jdbc.queryForObject("SELECT COUNT(*) FROM cf_putback_review WHERE registration_id = ? "
                + "AND reviewer = ? AND step <> ?", Integer.class, registration.id(), member.userId(), task.activityId());
        if (otherSteps != null && otherSteps > 0) {
            throw new AccessDeniedException(text("modes.putback.error.fourEyes"));
        }
        boolean approved = Boolean.parseBoolean(values.get("approved"));
        var now = clock.instant();
        jdbc.update("INSERT INTO cf_putback_review (registration_id, step, step_name, reviewer, department, approved, "
                        + "opinion, reviewed_at) VALUES (?,?,?,?,?,?,?,?)", registration.id(), task.activityId(),
                task.name(), member.userId(), member.department(), approved, values.get("comment"), Timestamp.from(now));
        PutbackRegistration.Status status = !approved ? PutbackRegistration.Status.REJECTED
                : SIGN_OFF_STEP.equals(task.activityId()) ? PutbackRegistration.Status.REGISTERED
                : PutbackRegistration.Status.IN_REVIEW;
        jdbc.update("UPDATE cf_putback_registration SET status = ?, updated_at = ? WHERE id = ?", status.name(),
                Timestamp.from(now), registration.id());
    }

    private PutbackRegistration byId(long id) {
        return jdbc.queryForObject("SELECT * FROM cf_putback_registration WHERE id = ?", PutbackService::registration, id);
    }

    private static PutbackRegistration registration(ResultSet rs, int row) throws SQLException {
        return new PutbackRegistration(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("issuer_name"),
                rs.getString("security_code"), rs.getString("security_name"), rs.getBigDecimal("putback_price"),
                rs.getDate("registration_start").toLocalDate(), rs.getDate("registration_end").toLocalDate(),
                rs.getDate("payment_date").toLocalDate(), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getString("remarks"), rs.getString("submitted_by"), rs.getString("submitter_department"),
                PutbackRegistration.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
