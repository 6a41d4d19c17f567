package io.clearflow.engine.governance.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.forms.FieldType;
import io.clearflow.engine.forms.FormField;
import io.clearflow.engine.forms.FormSource;
import java.util.Optional;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The forms of published versions: a snapshot of the scenario's forms taken at publication, served
 * to the task and start pages of the cases running on that version. This is how a form designed in
 * the catalog reaches the people who work the process.
 *
 * <p>Every field of a catalog form becomes a process variable: a catalog process has no module of
 * its own to keep business data in, so its variables are its record.
 */
@Component
class VersionForms implements FormSource {

    /** Simple on purpose: the same expression runs in the browser, and mail servers decide the rest. */
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final VersionFormRepository published;
    private final FormRepository designed;
    private final ScenarioVersionRepository versions;
    private final ObjectMapper json;
    private final RepositoryService repository;

    VersionForms(VersionFormRepository published, FormRepository designed, ScenarioVersionRepository versions, ObjectMapper json,
                 RepositoryService repository) {
        this.published = published;
        this.designed = designed;
        this.versions = versions;
        this.json = json;
        this.repository = repository;
    }

    /** Copies the scenario's current forms into the version just published. */
    void snapshot(long versionId, String scenarioId) {
        published.snapshot(versionId, scenarioId);
    }

    /** Whether the scenario's forms are still those the version was published with. */
    boolean unchangedSince(long versionId, String scenarioId) {
        return designed.definitions(scenarioId).equals(published.definitions(versionId));
    }

    @Override
    public Optional<io.clearflow.engine.forms.FormDefinition> form(String processDefinitionId, String activityId) {
        if (processDefinitionId == null || activityId == null) {
            return Optional.empty();
        }
        return published.find(processDefinitionId, activityId)
                .map(row -> toRuntime(row.versionId(), processDefinitionId, activityId, row.definition()));
    }

    @Override
    public boolean ownsStart(String processDefinitionId) {
        return versions.existsForDefinition(processDefinitionId);
    }

    private io.clearflow.engine.forms.FormDefinition toRuntime(long versionId, String processDefinitionId,
                                                               String activityId, String definition) {
        FormDefinition stored;
        try {
            stored = json.readValue(definition, FormDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form of version " + versionId + ", " + activityId + " is unreadable", e);
        }
        FlowElement element = repository.getBpmnModel(processDefinitionId).getFlowElement(activityId);
        String title = element == null || element.getName() == null ? activityId : element.getName();
        // the runtime key only has to be a valid, recognisable name; it is never looked up
        String key = "catalog-v" + versionId + "-" + activityId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new io.clearflow.engine.forms.FormDefinition(key.length() > 64 ? key.substring(0, 64) : key, title,
                stored.fields().stream().map(VersionForms::field).toList());
    }

    /** A catalog field as the runtime renders and checks it; its label is plain text, shown as typed. */
    static FormField field(FormDefinition.Field f) {
        FormField field = switch (f.type()) {
            case "textarea" -> FormField.textarea(f.key(), f.label());
            case "number" -> FormField.number(f.key(), f.label());
            case "date" -> FormField.date(f.key(), f.label());
            case "select" -> FormField.select(f.key(), f.label(), f.options().stream()
                    .map(o -> new FormField.Option(o, o)).toArray(FormField.Option[]::new));
            case "boolean" -> FormField.select(f.key(), f.label(), new FormField.Option("true", "modes.form.yes"),
                    new FormField.Option("false", "modes.form.no"));
            case "email" -> FormField.text(f.key(), f.label()).pattern(EMAIL, "modes.form.error.email");
            default -> FormField.text(f.key(), f.label());
        };
        if (f.pattern() != null && !f.pattern().isEmpty() && (field.type() == FieldType.TEXT || field.type() == FieldType.TEXTAREA) && !"email".equals(f.type())) {
            field = field.pattern(f.pattern(), null);
        }
        return (f.required() ? field.mandatory() : field).routingFact();
    }
}
