package io.clearflow.delivery.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Opens the package-private diff steps to the benchmarks in {@code bench} (they are not tests). */
public final class AuditBenchmarkAccess {

    private AuditBenchmarkAccess() {
    }

    /** Unpacks both packages and diffs them as an upload does; returns {changed files, changed lines, units}. */
    public static int[] unpackAndDiff(InputStream before, InputStream after, Path dir) throws IOException {
        AuditProperties limits = new AuditProperties(null, null, null, null, null, null, null, null);
        var old = new PackageArchive(limits).unpack(before, dir.resolve("old"));
        var now = new PackageArchive(limits).unpack(after, dir.resolve("new"));
        Map<String, String> manifest = old.stream().collect(Collectors.toMap(PackageArchive.Entry::path, PackageArchive.Entry::sha256));
        List<PackageDiff.FileChange> changes = new PackageDiff(1).compare(manifest, dir.resolve("old"), now, dir.resolve("new"));
        var units = ReviewUnits.split(changes, 400, 400);
        return new int[] {(int) changes.stream().filter(c -> c.kind() != PackageDiff.Kind.UNCHANGED).count(),
                changes.stream().mapToInt(PackageDiff.FileChange::changedLines).sum(), units.size()};
    }
}
