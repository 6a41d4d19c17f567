package io.clearflow.delivery.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores an uploaded package version of an open audit: unpacked, diffed against the system's previous package, split
 * into review units.
 */
@Component
class PackageUpload {

    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private final AuditPackageRepository packages;
    private final AuditFileRepository files;
    private final Versions versions;
    private final AuditStorage storage;
    private final AuditProperties properties;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    PackageUpload(AuditPackageRepository packages, AuditFileRepository files, Versions versions, AuditStorage storage,
                  AuditProperties properties, TransactionTemplate transactions, ObjectMapper json) {
        this.packages = packages;
        this.files = files;
        this.versions = versions;
        this.storage = storage;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    record Uploaded(long id, Long previousId, int files, int changedFiles, int changedLines, List<ReviewUnits.Unit> units) {
    }

    /**
     * Unpacks into a fresh folder, diffs against the system's newest package and stores the result. A refused
     * archive leaves nothing behind. Uploads of one system are serialised so that each diffs against the one before.
     */
    Uploaded upload(Audit audit, String label, InputStream content, Member by) {
        long auditId = audit.id();
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

    private static Object lockOf(String system) {
        return LOCKS.computeIfAbsent(system, s -> new Object());
    }
}
