package io.clearflow.delivery.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacked packages on disk: {@code <storage>/package-<id>/}. An upload unpacks into {@code incoming/<random>/}
 * beside it and moves into place once its rows are written, so a refused or failed upload leaves no folder
 * that a package row points to.
 */
class AuditStorage {

    private static final Logger log = LoggerFactory.getLogger(AuditStorage.class);

    private final Path root;

    AuditStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path newFolder() {
        Path folder = root.resolve("incoming").resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** An uploaded knowledge-base file (the entry's name is only in the database). */
    Path knowledgeFile(long entryId) {
        return root.resolve("kb").resolve("kb-" + entryId);
    }

    Path folderOf(long packageId) {
        return root.resolve("package-" + packageId);
    }

    /**
     * Moves the unpacked folder into place. A folder already there belongs to no package (the id was just
     * allocated; it is left from a database that was reset or restored): it is replaced.
     */
    void moveInto(Path folder, long packageId) {
        Path target = folderOf(packageId);
        try {
            if (Files.exists(target)) {
                log.warn("replacing {}: no package of this database owns it", target);
                deleteQuietly(target);
            }
            Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the folder if it is still there (after a successful move it is not). */
    void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {}: {}", folder, e.toString());
        }
    }
}
