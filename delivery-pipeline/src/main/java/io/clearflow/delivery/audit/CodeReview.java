package io.clearflow.delivery.audit;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** One file of an audited package: its diff with findings and notes, and new notes on its lines. */
@Component
class CodeReview {

    private final AuditPackageRepository packages;
    private final AuditFileRepository files;
    private final FindingRepository findings;
    private final AnnotationRepository annotations;
    private final AuditStorage storage;
    private final KnowledgeBaseService knowledge;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CodeReview(AuditPackageRepository packages, AuditFileRepository files, FindingRepository findings,
               AnnotationRepository annotations, AuditStorage storage, KnowledgeBaseService knowledge,
               TransactionTemplate transactions) {
        this.packages = packages;
        this.files = files;
        this.findings = findings;
        this.annotations = annotations;
        this.storage = storage;
        this.knowledge = knowledge;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    /** The diff of one file of a package against its previous package, with the audit's findings on its lines. */
    CodeView codeView(AuditPackage p, String path) {
        long packageId = p.id();
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
        return CodeView.of(safe, row.module(), row.kind(), before, now, findings.ofFile(p.auditId(), safe),
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
        Map<Long, List<String>> lines = new HashMap<>();
        lines.put(current.id(), now);
        LongFunction<List<String>> linesOf = id -> lines.computeIfAbsent(id, k -> {
            Path file = storage.folderOf(k).resolve(path);
            return Files.isRegularFile(file) ? PackageDiff.lines(file) : List.of();
        });
        Map<Integer, List<CodeView.Note>> notes = new TreeMap<>();
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
    void annotate(AuditPackage p, String path, int line, String text, Long kbEntryId, Member by) {
        long packageId = p.id();
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
}
