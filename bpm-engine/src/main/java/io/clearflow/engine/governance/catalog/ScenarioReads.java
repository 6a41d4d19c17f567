package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import io.clearflow.engine.governance.bpmn.DiagramRenderer;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a member reads about one scenario. Each read first checks that the member may read the
 * catalog and that the scenario exists (403, 404), so a handler needs one call.
 */
@Service
public class ScenarioReads {

    private final CatalogService catalog;
    private final FormService forms;
    private final ReleaseService releases;
    private final ImprovementService improvements;
    private final AuditTrail audit;
    private final BpmnValidator validator;

    ScenarioReads(CatalogService catalog, FormService forms, ReleaseService releases, ImprovementService improvements,
                  AuditTrail audit, BpmnValidator validator) {
        this.catalog = catalog;
        this.forms = forms;
        this.releases = releases;
        this.improvements = improvements;
        this.audit = audit;
        this.validator = validator;
    }

    public ScenarioDetail detail(Member member, String id) {
        Scenario s = catalog.scenario(member, id);
        return new ScenarioDetail(s, s.stage(), catalog.recommendation(s), catalog.currentDesign(id).orElse(null),
                catalog.offeredDrafts(id), forms.forms(id), releases.versions(id), releases.runningOnOlderVersions(s),
                improvements.actions(id));
    }

    public Classifier.Recommendation recommendation(Member member, String id) {
        return catalog.recommendation(catalog.scenario(member, id));
    }

    public Design design(Member member, String id) {
        catalog.scenario(member, id);
        return catalog.currentDesign(id).orElseThrow(() -> new NotFoundException("design of scenario", id));
    }

    public byte[] bpmn(Member member, String id) {
        return catalog.bpmn(design(member, id).id());
    }

    /** The current design drawn as PNG; 409 when it cannot be read or has no diagram interchange. */
    public byte[] diagram(Member member, String id) {
        var model = validator.model(bpmn(member, id)).orElseThrow(() -> new ConflictException("gov.refused.designUnreadable"));
        try {
            return DiagramRenderer.png(model);
        } catch (DiagramRenderer.NotDrawable e) {
            throw new ConflictException(e.getMessage());
        }
    }

    public List<StoredForm> forms(Member member, String id) {
        catalog.scenario(member, id);
        return forms.forms(id);
    }

    public StoredForm form(Member member, String id, String activityId) {
        catalog.scenario(member, id);
        return forms.form(id, activityId);
    }

    public List<Version> versions(Member member, String id) {
        catalog.scenario(member, id);
        return releases.versions(id);
    }

    public List<Feedback> feedback(Member member, String id) {
        return improvements.feedbackOf(catalog.scenario(member, id));
    }

    /** Feedback on one process key, or on every process (the latest 500). */
    public List<Feedback> feedback(Member member, Optional<String> processKey) {
        return processKey.map(k -> improvements.feedbackOn(member, k)).orElseGet(() -> improvements.allFeedback(member, 500));
    }

    public List<Improvement> improvements(Member member, String id) {
        catalog.scenario(member, id);
        return improvements.actions(id);
    }

    public List<AuditEntry> audit(Member member, String id) {
        catalog.scenario(member, id);
        return audit.of(id);
    }
}
