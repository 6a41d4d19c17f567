package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.governance.ValidationReport;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import io.clearflow.engine.governance.bpmn.ModelDiff;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.ProcessMigrationService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.migration.ProcessInstanceMigrationValidationResult;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 4, implementation: publishing a scenario's design as a Flowable deployment, with exactly one
 * active process per scenario. The new version's definition is the only one that can start
 * instances (older definitions of the key are suspended, which stops new starts but lets running
 * instances go on); instances of older versions continue there or are moved with Flowable's
 * process migration, as the owner chooses.
 */
@Service
public class ReleaseService {

    /** What happened to the running instances of one older definition. */
    public record MigrationOutcome(String fromDefinitionId, long instances, boolean migrated, List<String> messages) { }

    /** A publication: the new version and, when migration was chosen, its outcome per older definition. */
    public record Publication(Version version, List<MigrationOutcome> migrations) { }

    private final ScenarioVersionRepository versions;
    private final ScenarioRepository scenarios;
    private final Clock clock;
    private final GovernanceAccess access;
    private final AuditTrail audit;
    private final CatalogService catalog;
    private final BpmnValidator validator;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ProcessMigrationService migration;
    private final VersionForms forms;

    ReleaseService(ScenarioVersionRepository versions, ScenarioRepository scenarios, Clock clock, GovernanceAccess access, AuditTrail audit,
                          CatalogService catalog, BpmnValidator validator, RepositoryService repository,
                          RuntimeService runtime, ProcessMigrationService migration, VersionForms forms) {
        this.versions = versions;
        this.scenarios = scenarios;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.catalog = catalog;
        this.validator = validator;
        this.repository = repository;
        this.runtime = runtime;
        this.migration = migration;
        this.forms = forms;
    }

    @Transactional
    public Publication publish(Member member, String scenarioId, String runningInstances) {
        Scenario scenario = catalog.find(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        if (runningInstances == null || !Vocabulary.RUNNING_INSTANCES.contains(runningInstances)) {
            throw new InvalidRequestException("gov.refused.runningInstances",
                    Map.of("runningInstances", "gov.error.runningInstances"));
        }
        if (scenario.directIntegration()) {
            throw new ConflictException("gov.refused.directIntegration");
        }
        if (scenario.mode() == null) {
            throw new ConflictException("gov.refused.classifyFirst");
        }
        Design design = catalog.currentDesign(scenarioId)
                .orElseThrow(() -> new ConflictException("gov.refused.publishNeedsDesign"));
        Optional<Version> active = activeVersion(scenarioId);
        if (active.isPresent() && active.get().designId() == design.id() && forms.unchangedSince(active.get().id(), scenarioId)) {
            throw new ConflictException("gov.refused.alreadyActive", active.get().versionNo());
        }
        byte[] bpmn = catalog.bpmn(design.id());
        ValidationReport report = validator.validate(bpmn, scenario.mode());
        if (!report.valid()) {
            throw new InvalidRequestException("gov.refused.designHasErrors", errorsByElement(report), report.errors().size());
        }
        String key = report.processKey();
        if (scenario.processKey() != null && !scenario.processKey().equals(key)) {
            throw new InvalidRequestException("gov.refused.processKeyFixed",
                    Map.of("processKey", "gov.error.processKeyFixed"), scenario.processKey());
        }
        if (scenario.processKey() == null) {
            if (catalog.byProcessKey(key).isPresent()) {
                throw new ConflictException("gov.refused.processKeyOfOtherScenario", key);
            }
            if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0) {
                throw new ConflictException("gov.refused.processKeyOutsideCatalog", key);
            }
        }
        int versionNo = active.map(v -> v.versionNo() + 1).orElse(1);
        Deployment deployment = repository.createDeployment()
                .name(scenario.name() + " v" + versionNo)
                .category("governance")
                .key(scenarioId)
                .addBytes(key + ".bpmn20.xml", bpmn)
                .deploy();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
        List<MigrationOutcome> outcomes = new ArrayList<>();
        for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(key).list()) {
            if (older.getId().equals(definition.getId())) {
                continue;
            }
            if (!older.isSuspended()) {
                repository.suspendProcessDefinitionById(older.getId());
            }
            if ("migrate".equals(runningInstances)) {
                outcomes.add(migrate(older.getId(), definition.getId()));
            }
        }
        String migrationText = outcomes.stream().filter(o -> o.instances() > 0).map(ReleaseService::describe)
                .reduce((a, b) -> a + "; " + b).orElse(null);
        var now = clock.instant();
        versions.supersedeActive(scenarioId, now);
        versions.insert(scenarioId, versionNo, design.id(), deployment.getId(), definition.getId(), runningInstances,
                migrationText, member.userId(), now);
        scenarios.setProcessKey(scenarioId, key, now);
        Version published = activeVersion(scenarioId).orElseThrow();
        forms.snapshot(published.id(), scenarioId);
        audit.record(scenarioId, member.userId(), "published", "version " + versionNo + " = " + definition.getId()
                + ", running instances: " + runningInstances + (migrationText == null ? "" : " (" + migrationText + ")")
                + (published.changes().isEmpty() ? "" : ", " + published.changes().size() + " change(s)"));
        return new Publication(published, outcomes);
    }

    /** Moves running instances of every older version to the active one, where Flowable's validation allows it. */
    @Transactional
    public List<MigrationOutcome> migrateRunning(Member member, String scenarioId) {
        Scenario scenario = catalog.find(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        Version active = activeVersion(scenarioId).orElseThrow(() -> new ConflictException("gov.refused.nothingPublished"));
        List<MigrationOutcome> outcomes = new ArrayList<>();
        for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(scenario.processKey()).list()) {
            if (!older.getId().equals(active.processDefinitionId())) {
                outcomes.add(migrate(older.getId(), active.processDefinitionId()));
            }
        }
        String text = outcomes.stream().map(ReleaseService::describe).reduce((a, b) -> a + "; " + b).orElse("no older versions");
        audit.record(scenarioId, member.userId(), "instances-migrated", "to version " + active.versionNo() + ": " + text);
        return outcomes;
    }

    /** Running instances per older definition that still run there, for the page. */
    public long runningOnOlderVersions(Scenario scenario) {
        Optional<Version> active = activeVersion(scenario.id());
        if (active.isEmpty() || scenario.processKey() == null) {
            return 0;
        }
        return runtime.createProcessInstanceQuery().processDefinitionKey(scenario.processKey()).list().stream()
                .filter(p -> !p.getProcessDefinitionId().equals(active.get().processDefinitionId())).count();
    }

    private MigrationOutcome migrate(String fromDefinitionId, String toDefinitionId) {
        long instances = runtime.createProcessInstanceQuery().processDefinitionId(fromDefinitionId).count();
        if (instances == 0) {
            return new MigrationOutcome(fromDefinitionId, 0, false, List.of());
        }
        var builder = migration.createProcessInstanceMigrationBuilder().migrateToProcessDefinition(toDefinitionId);
        ProcessInstanceMigrationValidationResult validation = builder.validateMigrationOfProcessInstances(fromDefinitionId);
        if (!validation.isMigrationValid()) {
            return new MigrationOutcome(fromDefinitionId, instances, false, List.copyOf(validation.getValidationMessages()));
        }
        builder.migrateProcessInstances(fromDefinitionId);
        return new MigrationOutcome(fromDefinitionId, instances, true, List.of());
    }

    private static String describe(MigrationOutcome o) {
        return o.instances() + " instance(s) of " + o.fromDefinitionId() + (o.migrated() ? " migrated"
                : o.instances() == 0 ? "" : " not migrated: " + String.join(" | ", o.messages()));
    }

    private static Map<String, String> errorsByElement(ValidationReport report) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        report.errors().forEach(f -> errors.merge(f.elementId() == null ? "file" : f.elementId(), f.message(),
                (a, b) -> a + "; " + b));
        return errors;
    }

    // ---- versions and history -------------------------------------------------------------------

    public Optional<Version> activeVersion(String scenarioId) {
        List<Version> versions = versions(scenarioId);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }

    /** The published versions, newest first, each with what changed against the one before. */
    public List<Version> versions(String scenarioId) {
        List<Version> raw = versions.of(scenarioId);
        List<Version> withChanges = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Version v = raw.get(i);
            List<ModelDiff.Change> changes = List.of();
            if (i + 1 < raw.size()) {
                var before = validator.model(catalog.bpmn(raw.get(i + 1).designId()));
                var after = validator.model(catalog.bpmn(v.designId()));
                if (before.isPresent() && after.isPresent()) {
                    changes = ModelDiff.between(before.get(), after.get());
                }
            }
            withChanges.add(new Version(v.id(), v.scenarioId(), v.versionNo(), v.designId(), v.deploymentId(),
                    v.processDefinitionId(), v.runningInstances(), v.migrationResult(), v.publishedBy(), v.publishedAt(),
                    v.supersededAt(), changes));
        }
        return withChanges;
    }

    public Optional<byte[]> activeModel(String scenarioId) {
        return activeVersion(scenarioId).map(v -> catalog.bpmn(v.designId()));
    }

}
