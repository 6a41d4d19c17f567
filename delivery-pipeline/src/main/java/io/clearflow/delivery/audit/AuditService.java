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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audits of vendor packages: create one per version, upload package versions (unpacked, diffed against the
 * system's previous package, split into review units), import SARIF findings, suppress false positives by
 * rule filters, complete with an opinion.
 */
@Service
public class AuditService {

    private final AuditRepository audits;
    private final AuditPackageRepository packages;
    private final AuditFileRepository files;
    private final FindingRepository findings;
    private final RuleFilterRepository filters;
    private final AnnotationRepository annotations;
    private final Versions versions;
    private final SarifFindings sarif;
    private final AuditStorage storage;
    private final AuditProperties properties;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final KnowledgeBaseService knowledge;

    AuditService(AuditRepository audits, AuditPackageRepository packages, AuditFileRepository files,
                 FindingRepository findings, RuleFilterRepository filters, AnnotationRepository annotations, Versions versions, SarifFindings sarif,
                 AuditStorage storage, AuditProperties properties, TransactionTemplate transactions, ObjectMapper json,
                 KnowledgeBaseService knowledge) {
        this.knowledge = knowledge;
        this.audits = audits;
        this.packages = packages;
        this.files = files;
        this.findings = findings;
        this.filters = filters;
        this.annotations = annotations;
        this.versions = versions;
        this.sarif = sarif;
        this.storage = storage;
        this.properties = properties;
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

    record Uploaded(long id, Long previousId, int files, int changedFiles, int changedLines, List<ReviewUnits.Unit> units) {
    }

    /**
     * Unpacks into a fresh folder, diffs against the system's newest package and stores the result. A refused
     * archive leaves nothing behind. Uploads of one system are serialised so that each diffs against the one before.
     */
    Uploaded upload(long auditId, String label, InputStream content, Member by) {
        Audit audit = openAudit(auditId);
        String name = label == null || label.isBlank() ? null : label.strip();
        if (name == null || name.length() > 200 || name.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidRequestException("delivery.audit.error.label", Map.of("label", "delivery.audit.error.label"));
        }
        Path folder = storage.newFolder();
        try {
            List<PackageArchive.Entry> entries = new PackageArchive(properties).unpack(content, folder);
            synchronized (lockOf(audit.system())) {
                var previous = packages.latestOfSystem(audit.system());
                Map<String, String> manifest = previous.map(p -> files.manifest(p.id())).orElse(Map.of());
                Path oldRoot = previous.map(p -> storage.folderOf(p.id())).orElse(null);
                List<PackageDiff.FileChange> changes = new PackageDiff(properties.moduleDepth())
                        .compare(manifest, oldRoot, entries, folder);
                List<ReviewUnits.Unit> units = ReviewUnits.split(changes, properties.unitLines(), properties.linesPerHour());
                int changedFiles = (int) changes.stream().filter(c -> c.kind() != PackageDiff.Kind.UNCHANGED).count();
                int changedLines = changes.stream().mapToInt(PackageDiff.FileChange::changedLines).sum();
                String unitsJson = json.writeValueAsString(units);
                long id = transactions.execute(tx -> {
                    long packageId = packages.insert(auditId, audit.system(), name, previous.map(AuditPackage::id).orElse(null),
                            entries.size(), changedFiles, changedLines, unitsJson, by.userId(), clock.instant());
                    files.insertAll(packageId, changes);
                    // inside the transaction: when the move fails, no row points to a missing folder
                    storage.moveInto(folder, packageId);
                    return packageId;
                });
                versions.record(audit.versionId(), "audit.package", by.userId(), name + ": " + changedFiles + " / "
                        + changedLines, "/delivery/audits/" + auditId);
                return new Uploaded(id, previous.map(AuditPackage::id).orElse(null), entries.size(), changedFiles,
                        changedLines, units);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            storage.deleteQuietly(folder);
        }
    }

    private static final Map<String, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Object lockOf(String system) {
        return LOCKS.computeIfAbsent(system, s -> new Object());
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
        AuditPackage p = auditPackage(auditId, packageId);
        String safe;
        try {
            safe = PackageArchive.safePath(path == null ? "" : path);
        } catch (InvalidRequestException e) {
            throw new NotFoundException("file", "?");
        }
        AuditFileRepository.FileRow row = files.find(packageId, safe)
                .orElseThrow(() -> new NotFoundException("file", "?"));
        List<String> now = row.sha256() == null ? List.of() : PackageDiff.lines(storage.folderOf(packageId).resolve(safe));
        List<String> before = p.previousId() == null || "added".equals(row.kind()) ? List.of()
                : "unchanged".equals(row.kind()) ? now
                : PackageDiff.lines(storage.folderOf(p.previousId()).resolve(safe));
        return CodeView.of(safe, row.module(), row.kind(), before, now, findings.ofFile(auditId, safe),
                notes(p, safe, now));
    }

    /**
     * The file's annotations of this package and of the system's earlier packages, each carried forward through
     * every package's diff to this one; one whose line was changed or removed on the way is not shown.
     */
    private Map<Integer, List<CodeView.Note>> notes(AuditPackage current, String path, List<String> now) {
        List<AnnotationRepository.Annotation> all = annotations.ofFile(current.system(), path);
        if (all.isEmpty()) {
            return Map.of();
        }
        List<AuditPackage> chain = new ArrayList<>(); // current first, then older
        AuditPackage at = current;
        while (at != null && chain.size() < 50) {
            chain.add(at);
            at = at.previousId() == null ? null : packages.find(at.previousId()).orElse(null);
        }
        Map<Long, List<String>> lines = new java.util.HashMap<>();
        lines.put(current.id(), now);
        java.util.function.LongFunction<List<String>> linesOf = id -> lines.computeIfAbsent(id, k -> {
            Path file = storage.folderOf(k).resolve(path);
            return java.nio.file.Files.isRegularFile(file) ? PackageDiff.lines(file) : List.of();
        });
        Map<Integer, List<CodeView.Note>> notes = new java.util.TreeMap<>();
        for (AnnotationRepository.Annotation a : all) {
            int index = -1;
            for (int i = 0; i < chain.size(); i++) {
                if (chain.get(i).id() == a.packageId()) {
                    index = i;
                }
            }
            Integer line = index < 0 ? null : a.line();
            for (int i = index; i > 0 && line != null; i--) {
                line = LineMapping.map(line, linesOf.apply(chain.get(i).id()), linesOf.apply(chain.get(i - 1).id()));
            }
            if (line != null) {
                notes.computeIfAbsent(line, l -> new ArrayList<>()).add(new CodeView.Note(a.id(), a.text(), a.author(),
                        chain.get(index).label(), a.kbEntryId() == null ? null : knowledge.entry(a.kbEntryId())));
            }
        }
        return notes;
    }

    /**
     * A note on a line of the package's file (the line must exist in this package), optionally referencing one of the
     * system's knowledge-base entries (an unknown one or another system's is refused).
     */
    void annotate(long auditId, long packageId, String path, int line, String text, Long kbEntryId, Member by) {
        AuditPackage p = auditPackage(auditId, packageId);
        knowledge.checkReference(kbEntryId, p.system());
        String safe = PackageArchive.safePath(path == null ? "" : path);
        AuditFileRepository.FileRow row = files.find(packageId, safe).filter(f -> f.sha256() != null)
                .orElseThrow(() -> new NotFoundException("file", "?"));
        int lines = PackageDiff.lines(storage.folderOf(packageId).resolve(row.path())).size();
        if (line < 1 || line > lines) {
            throw new InvalidRequestException("delivery.audit.error.line", Map.of("line", "delivery.audit.error.line"));
        }
        transactions.executeWithoutResult(tx -> annotations.insert(p.system(), packageId, safe, line, text.strip(),
                kbEntryId, by.userId(), clock.instant()));
    }

    List<Audit> latest() {
        return audits.latest(100);
    }

    List<Audit> ofVersion(long versionId) {
        return audits.ofVersion(versionId);
    }
}
