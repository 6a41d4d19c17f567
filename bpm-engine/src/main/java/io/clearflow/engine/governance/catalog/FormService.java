package io.clearflow.engine.governance.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Form definitions of a scenario's start event and user tasks (step 3, design). They are stored
 * edited here; publishing copies them into the version ({@link VersionForms}), whose forms the task
 * and start pages render and check.
 */
@Service
public class FormService {

    private final FormRepository forms;
    private final Clock clock;
    private final GovernanceAccess access;
    private final AuditTrail audit;
    private final CatalogService catalog;
    private final BpmnValidator validator;
    private final ObjectMapper json;
    private final Validator rules;

    FormService(FormRepository forms, Clock clock, GovernanceAccess access,
                       AuditTrail audit, CatalogService catalog, BpmnValidator validator, ObjectMapper json,
                       Validator rules) {
        this.forms = forms;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.catalog = catalog;
        this.validator = validator;
        this.json = json;
        this.rules = rules;
    }

    /** The activities of the current design a form can be attached to (start events and user tasks), id → name. */
    public Map<String, String> formActivities(String scenarioId) {
        Map<String, String> activities = new LinkedHashMap<>();
        catalog.currentDesign(scenarioId).flatMap(d -> validator.model(catalog.bpmn(d.id()))).ifPresent(model -> {
            for (var process : model.getProcesses()) {
                process.findFlowElementsOfType(StartEvent.class, false)
                        .forEach(e -> activities.put(e.getId(), e.getName() == null ? e.getId() : e.getName()));
                process.findFlowElementsOfType(UserTask.class, true)
                        .forEach(e -> activities.put(e.getId(), e.getName() == null ? e.getId() : e.getName()));
            }
        });
        return activities;
    }

    @Transactional
    public StoredForm save(Member member, String scenarioId, String activityId, FormDefinition definition) {
        Scenario scenario = catalog.find(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        if (catalog.currentDesign(scenarioId).isEmpty()) {
            throw new ConflictException("gov.refused.formNeedsDesign");
        }
        if (!formActivities(scenarioId).containsKey(activityId)) {
            throw new InvalidRequestException("gov.refused.noSuchActivity",
                    Map.of("activityId", "gov.error.activityId"), activityId);
        }
        FormDefinition checked = check(definition);
        String text = write(checked);
        forms.save(scenarioId, activityId, text, member.userId(), clock.instant());
        audit.record(scenarioId, member.userId(), "form-saved", activityId + ": " + checked.fields().size() + " field(s)");
        return form(scenarioId, activityId);
    }

    /** As {@link #save(Member, String, String, FormDefinition)}, with the definition as typed on the page (JSON). */
    @Transactional
    public StoredForm save(Member member, String scenarioId, String activityId, String definitionJson) {
        return save(member, scenarioId, activityId, parse(definitionJson));
    }

    @Transactional
    public void delete(Member member, String scenarioId, String activityId) {
        Scenario scenario = catalog.find(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        if (!forms.delete(scenarioId, activityId)) {
            throw new NotFoundException("form", activityId);
        }
        audit.record(scenarioId, member.userId(), "form-deleted", activityId);
    }

    public List<StoredForm> forms(String scenarioId) {
        return forms.of(scenarioId);
    }

    public StoredForm form(String scenarioId, String activityId) {
        return forms(scenarioId).stream().filter(f -> f.activityId().equals(activityId)).findFirst()
                .orElseThrow(() -> new NotFoundException("form", activityId));
    }

    /** Stored definitions as one JSON object, activity id → definition: what the page's field editor starts from. */
    public String definitionsJson(List<StoredForm> stored) {
        Map<String, FormDefinition> byActivity = new LinkedHashMap<>();
        stored.forEach(f -> byActivity.put(f.activityId(), f.definition()));
        try {
            return json.writeValueAsString(byActivity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a form definition typed as JSON on the page. */
    private FormDefinition parse(String text) {
        try {
            return json.readValue(text, FormDefinition.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidRequestException("gov.refused.formNotJson",
                    Map.of("definition", "gov.error.formJson"));
        }
    }

    private FormDefinition check(FormDefinition definition) {
        FormDefinition form = definition == null ? new FormDefinition(null) : definition;
        DeclaredRules.check(rules, form, "gov.refused.formNoFields", FormDefinition.Present.class);
        DeclaredRules.check(rules, form, "gov.refused.formTooManyFields", FormDefinition.Bounded.class);
        return DeclaredRules.check(rules, form, "gov.refused.formInvalid");
    }

    private String write(FormDefinition definition) {
        try {
            String text = json.writeValueAsString(definition);
            if (text.length() > 20000) {
                throw new InvalidRequestException("gov.refused.formTooLarge", Map.of("fields", "gov.error.formLength"));
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
