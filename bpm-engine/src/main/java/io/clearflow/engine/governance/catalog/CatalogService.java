package io.clearflow.engine.governance.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.governance.ValidationReport;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import io.clearflow.engine.identity.OrgDirectory;
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
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Steps 1 to 3 of the five-step method: identification, classification and design (models and
 * form definitions). Every change is checked against {@link GovernanceAccess} and written to the
 * {@link AuditTrail} in the same transaction.
 */
@Service
public class CatalogService {

    /** Largest BPMN file the catalog stores or validates. */
    public static final int MAX_BPMN_BYTES = 5 * 1024 * 1024;
    private static final String SCENARIO_SELECT = "SELECT s.*, "
            + "(SELECT MAX(v.version_no) FROM gov_version v WHERE v.scenario_id = s.id) AS active_version, "
            + "(SELECT d.valid FROM gov_design d WHERE d.scenario_id = s.id AND d.status = 'current') AS design_valid "
            + "FROM gov_scenario s ";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final GovernanceAccess access;
    private final AuditTrail audit;
    private final OrgDirectory directory;
    private final BpmnValidator validator;
    private final ObjectMapper json;

    public CatalogService(JdbcTemplate jdbc, Clock clock, GovernanceAccess access, AuditTrail audit,
                          OrgDirectory directory, BpmnValidator validator, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.directory = directory;
        this.validator = validator;
        this.json = json;
    }

    // ---- 1 Identification -------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Scenario> scenarios(Member member) {
        access.requireRead(member);
        return allScenarios();
    }

    /** Every scenario, for trusted callers (the public catalog API). */
    @Transactional(readOnly = true)
    public List<Scenario> allScenarios() {
        return jdbc.query(SCENARIO_SELECT + "ORDER BY s.created_at DESC, s.id", this::mapScenario);
    }

    @Transactional(readOnly = true)
    public Scenario scenario(Member member, String id) {
        access.requireRead(member);
        return find(id);
    }

    public Scenario find(String id) {
        List<Scenario> found = jdbc.query(SCENARIO_SELECT + "WHERE s.id = ?", this::mapScenario, id);
        if (found.isEmpty()) {
            throw new NotFoundException("scenario", id);
        }
        return found.get(0);
    }

    /** The scenario whose process has this key, if the catalog governs it. */
    public Optional<Scenario> byProcessKey(String processKey) {
        return jdbc.query(SCENARIO_SELECT + "WHERE s.process_key = ?", this::mapScenario, processKey).stream().findFirst();
    }

    @Transactional
    public Scenario register(Member member, ScenarioInput input) {
        ScenarioInput checked = check(input);
        access.requireManage(member, checked.ownerDepartment());
        return insert(checked, member.userId());
    }

    /**
     * Registers a scenario for a trusted module (the public catalog API), on the decision of
     * {@code openedBy}: same checks, no member access rule (the module checked its own).
     */
    @Transactional
    public Scenario registerFor(String openedBy, ScenarioInput input) {
        return insert(check(input), openedBy);
    }

    private Scenario insert(ScenarioInput checked, String createdBy) {
        String id = "scn-" + UUID.randomUUID().toString().substring(0, 8);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO gov_scenario (id, name, description, source_type, source_reference, owner_department, "
                        + "business_category, characteristics, direct_integration, recommended_mode, created_by, created_at, "
                        + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                id, checked.name(), checked.description(), checked.sourceType(), checked.sourceReference(),
                checked.ownerDepartment(), checked.businessCategory(), String.join(",", checked.characteristics()), false,
                Classifier.recommend(checked.characteristics()).mode(), createdBy, now, now);
        audit.record(id, createdBy, "registered", describe(checked));
        return find(id);
    }

    /** Changes the identification; the recommendation follows the new characteristics, an accepted mode stays. */
    @Transactional
    public Scenario update(Member member, String id, ScenarioInput input) {
        Scenario before = find(id);
        access.requireManage(member, before.ownerDepartment());
        ScenarioInput checked = check(input);
        access.requireManage(member, checked.ownerDepartment());
        jdbc.update("UPDATE gov_scenario SET name = ?, description = ?, source_type = ?, source_reference = ?, "
                        + "owner_department = ?, business_category = ?, characteristics = ?, recommended_mode = ?, updated_at = ? "
                        + "WHERE id = ?",
                checked.name(), checked.description(), checked.sourceType(), checked.sourceReference(),
                checked.ownerDepartment(), checked.businessCategory(), String.join(",", checked.characteristics()),
                Classifier.recommend(checked.characteristics()).mode(), Timestamp.from(clock.instant()), id);
        audit.record(id, member.userId(), "updated", describe(checked));
        return find(id);
    }

    /** Marks the scenario "not suitable for a process → direct system integration", or suitable again. */
    @Transactional
    public Scenario setSuitability(Member member, String id, boolean suitable, String reason) {
        Scenario scenario = find(id);
        access.requireManage(member, scenario.ownerDepartment());
        if (!suitable) {
            if (reason == null || reason.isBlank() || reason.length() > 2000) {
                throw new InvalidRequestException("a reason is required", Map.of("reason", "required, at most 2000 characters"));
            }
            if (scenario.activeVersion() != null) {
                throw new ConflictException("the scenario has a published process; it cannot be turned into a direct integration");
            }
        }
        jdbc.update("UPDATE gov_scenario SET direct_integration = ?, integration_reason = ?, updated_at = ? WHERE id = ?",
                !suitable, suitable ? null : reason.strip(), Timestamp.from(clock.instant()), id);
        audit.record(id, member.userId(), suitable ? "marked-suitable" : "marked-direct-integration",
                suitable ? null : reason.strip());
        return find(id);
    }

    // ---- 2 Classification ---------------------------------------------------------------------

    public Classifier.Recommendation recommendation(Scenario scenario) {
        return Classifier.recommend(scenario.characteristics());
    }

    /** Accepts the recommended mode, or overrides it with a reason. */
    @Transactional
    public Scenario classify(Member member, String id, String mode, String reason) {
        Scenario scenario = find(id);
        access.requireManage(member, scenario.ownerDepartment());
        if (scenario.directIntegration()) {
            throw new ConflictException("the scenario is marked for direct system integration, not for a process");
        }
        if (mode == null || !Vocabulary.MODES.contains(mode)) {
            throw new InvalidRequestException("unknown mode", Map.of("mode", "one of " + Vocabulary.MODES));
        }
        String recommended = recommendation(scenario).mode();
        boolean override = !mode.equals(recommended);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (override && why == null) {
            throw new InvalidRequestException("overriding the recommended mode needs a reason",
                    Map.of("reason", "required when the mode differs from the recommendation (" + recommended + ")"));
        }
        if (why != null && why.length() > 2000) {
            throw new InvalidRequestException("the reason is too long", Map.of("reason", "at most 2000 characters"));
        }
        jdbc.update("UPDATE gov_scenario SET mode = ?, mode_reason = ?, recommended_mode = ?, classified_by = ?, "
                        + "classified_at = ?, updated_at = ? WHERE id = ?",
                mode, why, recommended, member.userId(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id);
        audit.record(id, member.userId(), override ? "mode-overridden" : "mode-accepted",
                "mode=" + mode + ", recommended=" + recommended + (why == null ? "" : ", reason=" + why));
        return find(id);
    }

    // ---- 3 Design -----------------------------------------------------------------------------

    /**
     * Uploads or replaces the scenario's design. A readable model is stored even when it breaks
     * rules, so its errors can be shown and fixed; a file that is not BPMN at all (junk, XXE, DTD)
     * is refused and changes nothing.
     */
    @Transactional
    public Design upload(Member member, String scenarioId, String fileName, byte[] bpmn) {
        Scenario scenario = find(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        if (scenario.directIntegration()) {
            throw new ConflictException("the scenario is marked for direct system integration, not for a process");
        }
        requireSize(bpmn);
        ValidationReport report = validator.validate(bpmn, scenario.mode());
        if (report.processKey() == null) {
            throw new UnreadableModelException(report);
        }
        jdbc.update("UPDATE gov_design SET status = 'replaced' WHERE scenario_id = ? AND status = 'current'", scenarioId);
        long id = insertDesign(scenarioId, safeName(fileName), bpmn, "upload", "current", report, member.userId());
        audit.record(scenarioId, member.userId(), "design-uploaded", "design " + id + " (" + safeName(fileName) + "), "
                + (report.valid() ? "valid" : report.errors().size() + " error(s)"));
        return design(id);
    }

    /** Stores a draft offered by another module (process mining); the owner adopts it or not. */
    @Transactional
    public Design offer(String scenarioId, byte[] bpmn, String origin, String offeredBy) {
        find(scenarioId);
        if (origin == null || origin.isBlank() || origin.length() > 255) {
            throw new InvalidRequestException("the origin is required", Map.of("origin", "required, at most 255 characters"));
        }
        String by = offeredBy == null || offeredBy.isBlank() ? "system" : offeredBy.strip();
        requireSize(bpmn);
        ValidationReport report = validator.validate(bpmn, find(scenarioId).mode());
        long id = insertDesign(scenarioId, null, bpmn, origin.strip(), "offered", report, by);
        audit.record(scenarioId, by, "draft-offered", "design " + id + " from " + origin.strip());
        return design(id);
    }

    /** Makes an offered draft the scenario's current design. */
    @Transactional
    public Design adopt(Member member, String scenarioId, long designId) {
        Scenario scenario = find(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        Design draft = design(designId);
        if (!draft.scenarioId().equals(scenarioId) || !"offered".equals(draft.status())) {
            throw new NotFoundException("offered draft", String.valueOf(designId));
        }
        ValidationReport report = validator.validate(bpmn(designId), scenario.mode());
        if (report.processKey() == null) {
            throw new UnreadableModelException(report);
        }
        jdbc.update("UPDATE gov_design SET status = 'replaced' WHERE scenario_id = ? AND status = 'current'", scenarioId);
        jdbc.update("UPDATE gov_design SET status = 'current', valid = ?, report = ? WHERE id = ?",
                report.valid(), write(report), designId);
        audit.record(scenarioId, member.userId(), "draft-adopted", "design " + designId + " from " + draft.origin());
        return design(designId);
    }

    /** Validates the current design again, against the scenario's mode as it is now. */
    @Transactional
    public Design revalidate(Member member, String scenarioId) {
        Scenario scenario = find(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        Design current = currentDesign(scenarioId).orElseThrow(() -> new NotFoundException("design of scenario", scenarioId));
        ValidationReport report = validator.validate(bpmn(current.id()), scenario.mode());
        jdbc.update("UPDATE gov_design SET valid = ?, report = ? WHERE id = ?", report.valid(), write(report), current.id());
        audit.record(scenarioId, member.userId(), "design-validated", "design " + current.id() + ", "
                + (report.valid() ? "valid" : report.errors().size() + " error(s)"));
        return design(current.id());
    }

    public Optional<Design> currentDesign(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_design WHERE scenario_id = ? AND status = 'current'", this::mapDesign, scenarioId)
                .stream().findFirst();
    }

    public List<Design> offeredDrafts(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_design WHERE scenario_id = ? AND status = 'offered' ORDER BY id DESC",
                this::mapDesign, scenarioId);
    }

    public Design design(long id) {
        List<Design> found = jdbc.query("SELECT * FROM gov_design WHERE id = ?", this::mapDesign, id);
        if (found.isEmpty()) {
            throw new NotFoundException("design", String.valueOf(id));
        }
        return found.get(0);
    }

    public byte[] bpmn(long designId) {
        List<byte[]> found = jdbc.query("SELECT bpmn FROM gov_design WHERE id = ?", (rs, i) -> rs.getBytes(1), designId);
        if (found.isEmpty()) {
            throw new NotFoundException("design", String.valueOf(designId));
        }
        return found.get(0);
    }

    private long insertDesign(String scenarioId, String fileName, byte[] bpmn, String origin, String status,
                              ValidationReport report, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO gov_design (scenario_id, file_name, bpmn, origin, status, valid, "
                    + "report, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, scenarioId);
            ps.setString(2, fileName);
            ps.setBytes(3, bpmn);
            ps.setString(4, origin);
            ps.setString(5, status);
            ps.setBoolean(6, report.valid());
            ps.setString(7, write(report));
            ps.setString(8, by);
            ps.setTimestamp(9, Timestamp.from(clock.instant()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private static void requireSize(byte[] bpmn) {
        if (bpmn == null || bpmn.length == 0) {
            throw new InvalidRequestException("the file is empty", Map.of("file", "required"));
        }
        if (bpmn.length > MAX_BPMN_BYTES) {
            throw new ModelTooLargeException(bpmn.length);
        }
    }

    // ---- checks and mapping ---------------------------------------------------------------------

    private ScenarioInput check(ScenarioInput in) {
        if (in == null) {
            throw new InvalidRequestException("the scenario is missing");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 200) {
            errors.put("name", "required, at most 200 characters");
        }
        if (in.description() != null && in.description().length() > 4000) {
            errors.put("description", "at most 4000 characters");
        }
        if (in.sourceType() == null || !Vocabulary.SOURCES.contains(in.sourceType())) {
            errors.put("sourceType", "one of " + Vocabulary.SOURCES);
        }
        if (in.sourceReference() == null || in.sourceReference().isBlank() || in.sourceReference().length() > 2000) {
            errors.put("sourceReference", "required (the rule, the bottleneck or the mining finding), at most 2000 characters");
        }
        boolean department = in.ownerDepartment() != null && directory.unit(in.ownerDepartment())
                .filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isPresent();
        if (!department) {
            errors.put("ownerDepartment", "a known department id");
        }
        if (in.businessCategory() == null || !Vocabulary.CATEGORIES.contains(in.businessCategory())) {
            errors.put("businessCategory", "one of " + Vocabulary.CATEGORIES);
        }
        List<String> unknown = in.characteristics().stream().filter(c -> !Vocabulary.CHARACTERISTICS.contains(c)).toList();
        if (!unknown.isEmpty()) {
            errors.put("characteristics", "unknown " + unknown + "; known are " + Vocabulary.CHARACTERISTICS);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the scenario is incomplete or invalid", errors);
        }
        return new ScenarioInput(in.name().strip(), in.description() == null || in.description().isBlank() ? null
                : in.description().strip(), in.sourceType(), in.sourceReference().strip(), in.ownerDepartment(),
                in.businessCategory(), in.characteristics().stream().distinct().sorted(
                        java.util.Comparator.comparingInt(Vocabulary.CHARACTERISTICS::indexOf)).toList());
    }

    private static String describe(ScenarioInput in) {
        return "name=" + in.name() + ", source=" + in.sourceType() + ", department=" + in.ownerDepartment()
                + ", category=" + in.businessCategory() + ", characteristics=" + in.characteristics();
    }

    private static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "model.bpmn";
        }
        String name = fileName.replaceAll("[\\\\/]", "_").strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private Scenario mapScenario(ResultSet rs, int row) throws SQLException {
        String characteristics = rs.getString("characteristics");
        Object activeVersion = rs.getObject("active_version");
        Object designValid = rs.getObject("design_valid");
        return new Scenario(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("source_type"), rs.getString("source_reference"), rs.getString("owner_department"),
                rs.getString("business_category"),
                characteristics == null || characteristics.isBlank() ? List.of() : Arrays.asList(characteristics.split(",")),
                rs.getBoolean("direct_integration"), rs.getString("integration_reason"), rs.getString("recommended_mode"),
                rs.getString("mode"), rs.getString("mode_reason"), rs.getString("classified_by"),
                instant(rs.getTimestamp("classified_at")), rs.getString("process_key"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                activeVersion == null ? null : ((Number) activeVersion).intValue(),
                designValid == null ? null : (Boolean) designValid);
    }

    private Design mapDesign(ResultSet rs, int row) throws SQLException {
        return new Design(rs.getLong("id"), rs.getString("scenario_id"), rs.getString("file_name"), rs.getString("origin"),
                rs.getString("status"), rs.getBoolean("valid"), read(rs.getString("report")), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")));
    }

    String write(ValidationReport report) {
        try {
            String text = json.writeValueAsString(report);
            if (text.length() > 20000) {
                // a file with thousands of findings: keep the first ones, the count says the rest
                List<ValidationReport.Finding> errors = report.errors().stream().limit(50).toList();
                List<ValidationReport.Finding> warnings = report.warnings().stream().limit(20).toList();
                text = json.writeValueAsString(new ValidationReport(report.valid(), errors, warnings,
                        report.processKey(), report.processName()));
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ValidationReport read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, ValidationReport.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A file that is not readable BPMN: answered 400 with the findings. */
    public static class UnreadableModelException extends InvalidRequestException {
        private final ValidationReport report;

        public UnreadableModelException(ValidationReport report) {
            super("the file is not a readable BPMN 2.0 model: " + (report.errors().isEmpty() ? ""
                    : report.errors().get(0).message()));
            this.report = report;
        }

        public ValidationReport report() {
            return report;
        }
    }

    /** A model over {@link #MAX_BPMN_BYTES}: answered 413. */
    public static class ModelTooLargeException extends RuntimeException {
        public ModelTooLargeException(long size) {
            super("the BPMN file has " + size + " bytes; at most " + MAX_BPMN_BYTES + " are accepted");
        }
    }
}
