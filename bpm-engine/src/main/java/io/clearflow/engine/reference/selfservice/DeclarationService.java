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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
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

    private final DeclarationRepository declarations;
    private final WorkService work;
    private final FormRegistry forms;
    private final FormValidator validator;
    private final DeclarationRules rules;
    private final MessageSource messages;
    private final Clock clock;

    DeclarationService(DeclarationRepository declarations, WorkService work, FormRegistry forms, FormValidator validator,
                       DeclarationRules rules, MessageSource messages, Clock clock) {
        this.declarations = declarations;
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
        long id = declarations.insert(new DeclarationRepository.NewDeclaration(declarant.userId(),
                declarant.department(), v.get("kind"), v.get("securityCode"),
                new BigDecimal(v.get("quantity")).longValueExact(), new BigDecimal(v.get("amount")),
                LocalDate.parse(v.get("declareDate")), v.get("contactName"), v.get("contactPhone")), clock.instant());
        CaseView started = work.start(declarant, PROCESS_KEY, "SB-" + id, Map.of("declarationId", id));
        declarations.setCase(id, started.id());
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
        declarations.checked(declarationId, status, reasons, clock.instant());
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
        declarations.decided(d.id(), approved, values.get("comment"), member.userId(), clock.instant());
    }

    /** A declarant who withdraws their case before anyone took it up: the declaration shows as withdrawn. */
    @EventListener
    void onCaseCancelled(PlatformEvent event) {
        if (PROCESS_KEY.equals(event.processKey()) && event.scope() == PlatformEvent.Scope.PROCESS
                && PlatformEvent.Lifecycle.CANCEL.equals(event.lifecycle())) {
            declarations.withdrawn(event.caseId(), clock.instant());
        }
    }

    /** The member's own declarations, newest first; registry staff and governance roles see everyone's. */
    @Transactional(readOnly = true)
    public List<Declaration> visibleTo(Member member, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException("error.page.range", Map.of("size", "error.page.sizeRange"));
        }
        return declarations.page(seesAll(member) ? null : member.userId(), page, size).stream().map(this::labelled).toList();
    }

    /** One declaration, or 404 for someone who may not see it. */
    @Transactional(readOnly = true)
    public Declaration get(Member member, long id) {
        return declarations.find(id).filter(d -> seesAll(member) || d.declarant().equals(member.userId()))
                .map(this::labelled).orElseThrow(() -> new NotFoundException("declaration", String.valueOf(id)));
    }

    /** The declaration behind a case; callers check first that the member may follow the case. */
    @Transactional(readOnly = true)
    public Declaration forCase(String caseId) {
        return declarations.forCase(caseId).map(this::labelled)
                .orElseThrow(() -> new NotFoundException("declaration of case", caseId));
    }

    static boolean seesAll(Member member) {
        return REGISTRY.equals(member.department()) || member.hasRole(PlatformRole.ADMIN)
                || member.hasRole(PlatformRole.PROCESS_OWNER) || member.hasRole(PlatformRole.COMPLIANCE);
    }

    private Declaration byId(long id) {
        // only ever called with an id just stored or handed over by the process: missing is a bug
        return labelled(declarations.find(id).orElseThrow(() -> new IllegalStateException("declaration " + id + " vanished")));
    }

    private Declaration labelled(Declaration d) {
        return d.withStatusLabel(text("modes.declaration.status." + d.status().name()));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
