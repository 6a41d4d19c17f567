package io.clearflow.delivery.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The code audit's limits and review-size rules ({@code clearflow.delivery.audit.*}).
 *
 * @param storage        where unpacked packages live; relative = under {@code clearflow.data-dir}
 * @param maxPackageSize largest uploaded archive (413 beyond it)
 * @param maxUnpackedSize largest total of a package's unpacked files (a zip bomb stops here, 413)
 * @param maxEntries     most files in one package (400 beyond it)
 * @param maxRatio       largest unpacked ÷ packed ratio of one entry once it exceeds 1 MB (400: a zip bomb)
 * @param moduleDepth    how many leading folders of a path name its module (1 = the top folder)
 * @param unitLines      most changed lines in one review unit (the seed: beyond 400 defects slip through)
 * @param linesPerHour   review speed for the estimate (the seed: beyond 500 per hour quality drops)
 */
@ConfigurationProperties("clearflow.delivery.audit")
record AuditProperties(Path storage, DataSize maxPackageSize, DataSize maxUnpackedSize, Integer maxEntries,
                       Integer maxRatio, Integer moduleDepth, Integer unitLines, Integer linesPerHour) {

    AuditProperties {
        storage = storage == null ? Path.of("delivery", "audits") : storage;
        maxPackageSize = maxPackageSize == null ? DataSize.ofMegabytes(512) : maxPackageSize;
        maxUnpackedSize = maxUnpackedSize == null ? DataSize.ofGigabytes(4) : maxUnpackedSize;
        maxEntries = maxEntries == null ? 200_000 : maxEntries;
        maxRatio = maxRatio == null ? 200 : maxRatio;
        moduleDepth = moduleDepth == null ? 1 : moduleDepth;
        unitLines = unitLines == null ? 400 : unitLines;
        linesPerHour = linesPerHour == null ? 400 : linesPerHour;
    }
}
