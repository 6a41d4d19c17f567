package io.clearflow.engine.reference.selfservice;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.forms.FormDefinition;
import io.clearflow.engine.forms.FormRegistry;
import io.clearflow.engine.forms.FormValidator;
import io.clearflow.engine.forms.TaskFormListener;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-service reference process: a participant's declaration is checked field by field,
 * stored and its case started in one transaction; the automatic check ({@link DeclarationAutoCheck})
 * runs in that same transaction, so an auto-approved declaration is final when the call returns.
 * Participants see only their own declarations; 登记托管部 and governance roles see all.
 */
@Service
public class DeclarationService implements TaskFormListener {

    public static final String PROCESS_KEY = "selfServiceDeclaration";
    static final String REGISTRY = "dept-registry";

    private final JdbcTemplate jdbc;
    private final WorkService work;
    private final FormRegistry forms;
    private final FormValidator validator;
    private final DeclarationRules rules;
    private final MessageSource messages;
    private final Clock clock;

    DeclarationService(JdbcTemplate jdbc, WorkService work, FormRegistry forms, FormValidator validator,
                       DeclarationRules rules, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.work = work;
        this.forms = forms;
        this.validator = validator;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
    }

    /** Checks and submits a declaration; 400 with field errors (nothing stored) when any field breaks a rule. */
    @Transactional
    public Declaration submit(Member declarant, Map<String, ?> submitted) {
        if (!declarant.hasRole(PlatformRole.PARTICIPANT)) {
            throw new org.springframework.security.access.AccessDeniedException(text("modes.declaration.participantsOnly"));
        }
        Map<String, String> v = validator.validate(forms.get(DeclarationForms.DECLARATION), submitted);
        var now = Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO cf_declaration (declarant, declarant_department, kind, "
                    + "security_code, quantity, amount, declare_date, contact_name, contact_phone, status, created_at, "
                    + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, declarant.userId());
            ps.setString(2, declarant.department());
            ps.setString(3, v.get("kind"));
            ps.setString(4, v.get("securityCode"));
            ps.setLong(5, new BigDecimal(v.get("quantity")).longValueExact());
            ps.setBigDecimal(6, new BigDecimal(v.get("amount")));
            ps.setDate(7, DeclarationRules.sqlDate(LocalDate.parse(v.get("declareDate"))));
            ps.setString(8, v.get("contactName"));
            ps.setString(9, v.get("contactPhone"));
            ps.setString(10, Declaration.Status.ACCEPTED.name());
            ps.setTimestamp(11, now);
            ps.setTimestamp(12, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        CaseView started = work.start(declarant, PROCESS_KEY, "SB-" + id, Map.of("declarationId", id));
        jdbc.update("UPDATE cf_declaration SET process_instance_id = ? WHERE id = ?", started.id(), id);
        return byId(id);
    }

    /**
     * The automatic check, called by the process's service task: accept, or send to review with
     * the reasons. Returns whether it was accepted automatically.
     */
    @Transactional
    public boolean autoCheck(long declarationId) {
        Declaration d = byId(declarationId);
        List<DeclarationRules.Reason> reasons = rules.reviewReasons(d.securityCode(), d.declareDate(), d.amount());
        Declaration.Status status = reasons.isEmpty() ? Declaration.Status.AUTO_APPROVED : Declaration.Status.IN_REVIEW;
        jdbc.update("UPDATE cf_declaration SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?",
                status.name(), reasons.stream().map(Enum::name).collect(Collectors.joining(",")),
                Timestamp.from(clock.instant()), declarationId);
        return reasons.isEmpty();
    }

    /** The reviewer's decision, stored as their task completes. */
    @Override
    public void submitted(Member member, TaskView task, FormDefinition form, Map<String, String> values) {
        if (!PROCESS_KEY.equals(task.processKey())) {
            return;
        }
        Declaration d = forCase(task.caseId());
        boolean approved = Boolean.parseBoolean(values.get("approved"));
        jdbc.update("UPDATE cf_declaration SET status = ?, review_comment = ?, handled_by = ?, updated_at = ? WHERE id = ?",
                (approved ? Declaration.Status.APPROVED : Declaration.Status.REJECTED).name(), values.get("comment"),
                member.userId(), Timestamp.from(clock.instant()), d.id());
    }

    /** A declarant who withdraws their case before anyone took it up: the declaration shows as withdrawn. */
    @EventListener
    void onCaseCancelled(PlatformEvent event) {
        if (PROCESS_KEY.equals(event.processKey()) && event.scope() == PlatformEvent.Scope.PROCESS
                && PlatformEvent.Lifecycle.CANCEL.equals(event.lifecycle())) {
            jdbc.update("UPDATE cf_declaration SET status = ?, updated_at = ? WHERE process_instance_id = ?",
                    Declaration.Status.WITHDRAWN.name(), Timestamp.from(clock.instant()), event.caseId());
        }
    }

    /** The member's own declarations, newest first; registry staff and governance roles see everyone's. */
    @Transactional(readOnly = true)
    public List<Declaration> visibleTo(Member member, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException("page must be >= 0 and size between 1 and 200", Map.of("size", "1..200"));
        }
        String paging = " ORDER BY id DESC OFFSET " + (page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY";
        if (seesAll(member)) {
            return jdbc.query("SELECT * FROM cf_declaration" + paging, this::declaration);
        }
        return jdbc.query("SELECT * FROM cf_declaration WHERE declarant = ?" + paging, this::declaration, member.userId());
    }

    /** One declaration, or 404 for someone who may not see it. */
    @Transactional(readOnly = true)
    public Declaration get(Member member, long id) {
        List<Declaration> found = jdbc.query("SELECT * FROM cf_declaration WHERE id = ?", this::declaration, id);
        if (found.isEmpty() || !(seesAll(member) || found.get(0).declarant().equals(member.userId()))) {
            throw new NotFoundException("declaration", String.valueOf(id));
        }
        return found.get(0);
    }

    /** The declaration behind a case; callers check first that the member may follow the case. */
    @Transactional(readOnly = true)
    public Declaration forCase(String caseId) {
        List<Declaration> found = jdbc.query("SELECT * FROM cf_declaration WHERE process_instance_id = ?",
                this::declaration, caseId);
        if (found.isEmpty()) {
            throw new NotFoundException("declaration of case", caseId);
        }
        return found.get(0);
    }

    static boolean seesAll(Member member) {
        return REGISTRY.equals(member.department()) || member.hasRole(PlatformRole.ADMIN)
                || member.hasRole(PlatformRole.PROCESS_OWNER) || member.hasRole(PlatformRole.COMPLIANCE);
    }

    private Declaration byId(long id) {
        return jdbc.queryForObject("SELECT * FROM cf_declaration WHERE id = ?", this::declaration, id);
    }

    private Declaration declaration(ResultSet rs, int row) throws SQLException {
        Declaration.Status status = Declaration.Status.valueOf(rs.getString("status"));
        String reasons = rs.getString("status_reason");
        return new Declaration(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("declarant"),
                rs.getString("kind"), rs.getString("security_code"), rs.getLong("quantity"), rs.getBigDecimal("amount"),
                rs.getDate("declare_date").toLocalDate(), rs.getString("contact_name"), rs.getString("contact_phone"),
                status, text("modes.declaration.status." + status.name()),
                reasons == null || reasons.isBlank() ? List.of() : Arrays.asList(reasons.split(",")),
                rs.getString("review_comment"), rs.getString("handled_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
