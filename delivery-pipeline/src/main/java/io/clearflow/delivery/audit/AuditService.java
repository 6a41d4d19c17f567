package io.clearflow.delivery.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.UnprocessableException;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.testmetrics.api.SarifFindings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audits of vendor packages: create one per version, upload package versions ({@link PackageUpload}), import SARIF
 * findings, suppress false positives by rule filters, annotate code ({@link CodeReview}), complete with an opinion.
 */
@Service
public class AuditService {

    private final AuditRepository audits;
    private final AuditPackageRepository packages;
    private final AuditFileRepository files;
    private final FindingRepository findings;
    private final RuleFilterRepository filters;
    private final Versions versions;
    private final SarifFindings sarif;
    private final PackageUpload uploads;
    private final CodeReview code;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    AuditService(AuditRepository audits, AuditPackageRepository packages, AuditFileRepository files,
                 FindingRepository findings, RuleFilterRepository filters, Versions versions, SarifFindings sarif,
                 PackageUpload uploads, CodeReview code, TransactionTemplate transactions, ObjectMapper json) {
        this.audits = audits;
        this.packages = packages;
        this.files = files;
        this.findings = findings;
        this.filters = filters;
        this.versions = versions;
        this.sarif = sarif;
        this.uploads = uploads;
        this.code = code;
        this.transactions = transactions;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    long create(long versionId, Member by) {
        VersionRef version = versions.find(versionId).orElseThrow(() -> new UnprocessableException(
                "delivery.audit.error.unknownVersion", Map.of("versionId", "delivery.audit.error.unknownVersion")));
        long id = transactions.execute(tx -> audits.insert(versionId, version.system(), version.version(), by.userId(),
                clock.instant()));
        versions.record(versionId, "audit.created", by.userId(), null, "/delivery/audits/" + id);
        return id;
    }

    Audit audit(long id) {
        return audits.find(id).orElseThrow(() -> new NotFoundException("audit", String.valueOf(id)));
    }

    private Audit openAudit(long id) {
        Audit audit = audit(id);
        if (!Audit.OPEN.equals(audit.state())) {
            throw new ConflictException("delivery.audit.error.completed");
        }
        return audit;
    }

    /** Unpacks, diffs and stores a package version of an open audit; see {@link PackageUpload#upload}. */
    PackageUpload.Uploaded upload(long auditId, String label, InputStream content, Member by) {
        return uploads.upload(openAudit(auditId), label, content, by);
    }

    SarifFindings.Counts importFindings(long auditId, InputStream sarifLog) {
        openAudit(auditId);
        List<SarifFindings.Finding> read = new ArrayList<>();
        SarifFindings.Counts counts = sarif.read(sarifLog, read::add);
        transactions.executeWithoutResult(tx -> findings.insertAll(auditId, read));
        return counts;
    }

    /** Runs the interface-check plug-in and stores its results as the audit's findings. */
    SarifFindings.Counts interfaceCheck(long auditId, InputStream definitions, InputStream calls) throws IOException {
        openAudit(auditId);
        List<SarifFindings.Finding> results = InterfaceCheck.check(InterfaceCheck.read(definitions, true),
                InterfaceCheck.read(calls, false));
        transactions.executeWithoutResult(tx -> findings.insertAll(auditId, results));
        long error = results.stream().filter(f -> "error".equals(f.level())).count();
        long warning = results.stream().filter(f -> "warning".equals(f.level())).count();
        return new SarifFindings.Counts(results.size(), error, warning, 0, 0);
    }

    /** Suppresses a finding's rule for the system: this finding only (by fingerprint) or the whole rule. */
    void suppress(long auditId, long findingId, boolean wholeRule, String reason, Member by) {
        Audit audit = audit(auditId);
        Finding finding = findings.find(auditId, findingId)
                .orElseThrow(() -> new NotFoundException("finding", String.valueOf(findingId)));
        if (finding.ruleId() == null) {
            throw new InvalidRequestException("delivery.audit.error.noRule");
        }
        transactions.executeWithoutResult(tx -> filters.insert(audit.system(), finding.ruleId(),
                wholeRule ? null : finding.fingerprint(), reason.strip(), by.userId(), clock.instant()));
    }

    void complete(long auditId, String opinion, Member by) {
        Audit audit = openAudit(auditId);
        if (packages.ofAudit(auditId).isEmpty()) {
            throw new ConflictException("delivery.audit.error.noPackage");
        }
        if (!transactions.execute(tx -> audits.complete(auditId, by.userId(), opinion == null ? null : opinion.strip(),
                clock.instant()))) {
            throw new ConflictException("delivery.audit.error.completed");
        }
        versions.record(audit.versionId(), "audit.completed", by.userId(), opinion, "/delivery/audits/" + auditId);
    }

    List<AuditPackage> packages(long auditId) {
        return packages.ofAudit(auditId);
    }

    AuditPackage auditPackage(long auditId, long packageId) {
        return packages.find(packageId).filter(p -> p.auditId() == auditId)
                .orElseThrow(() -> new NotFoundException("package", String.valueOf(packageId)));
    }

    List<ReviewUnits.Unit> units(AuditPackage p) {
        try {
            return List.of(json.readValue(p.unitsJson(), ReviewUnits.Unit[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("units of package " + p.id() + " are not readable", e);
        }
    }

    List<AuditFileRepository.FileRow> changedFiles(long packageId) {
        return files.changed(packageId);
    }

    List<Finding> findings(long auditId) {
        return findings.ofAudit(auditId);
    }

    List<RuleFilterRepository.RuleFilter> filters(String system) {
        return filters.ofSystem(system);
    }

    /** The diff of one file of a package against its previous package, with the audit's findings on its lines. */
    CodeView codeView(long auditId, long packageId, String path) {
        return code.codeView(auditPackage(auditId, packageId), path);
    }

    /** A note on a line of the package's file; see {@link CodeReview#annotate}. */
    void annotate(long auditId, long packageId, String path, int line, String text, Long kbEntryId, Member by) {
        code.annotate(auditPackage(auditId, packageId), path, line, text, kbEntryId, by);
    }

    List<Audit> latest() {
        return audits.latest(100);
    }

    List<Audit> ofVersion(long versionId) {
        return audits.ofVersion(versionId);
    }
}
