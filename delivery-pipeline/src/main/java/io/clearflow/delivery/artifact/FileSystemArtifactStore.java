package io.clearflow.delivery.artifact;

import io.clearflow.delivery.ArtifactCorruptedException;
import io.clearflow.delivery.ArtifactTooLargeException;
import io.clearflow.delivery.DeliveryProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The default store: {@code <data>/artifacts/sha256/ab/cd/abcd…}. An upload is written to a temporary file
 * in the same file system while it is hashed, then moved into place atomically, so a reader never sees a
 * half-written file and two uploads of the same content end in one file. Another store replaces it as a
 * {@code @Primary} bean.
 */
@Component
public class FileSystemArtifactStore implements ArtifactStore {

    static final int BUFFER = 64 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path temporary;

    @org.springframework.beans.factory.annotation.Autowired
    public FileSystemArtifactStore(@Value("${clearflow.data-dir:data}") Path dataDir, DeliveryProperties properties)
            throws IOException {
        this(dataDir.resolve(properties.artifactStore()));
    }

    FileSystemArtifactStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.temporary = this.root.resolve("tmp");
        Files.createDirectories(temporary);
    }

    @Override
    public Stored put(InputStream content, long maxBytes, String expectedSha256) throws IOException {
        Path part = Files.createTempFile(temporary, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size = 0;
            try (InputStream in = new DigestInputStream(content, digest); OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ArtifactTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (expectedSha256 != null && !expectedSha256.equals(sha)) {
                throw new DigestMismatchException(sha);
            }
            Path target = path(sha);
            if (Files.exists(target)) {
                return new Stored(sha, size, false);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Stored(sha, size, true);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public InputStream openVerified(String sha256) throws IOException {
        Path file = path(sha256);
        if (!Files.exists(file)) {
            throw new ArtifactCorruptedException(sha256);
        }
        // one pass to verify, then the content: a client never receives bytes that do not match the digest
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw new ArtifactCorruptedException(sha256);
        }
        return Files.newInputStream(file);
    }

    @Override
    public Optional<Path> localFile(String sha256) {
        Path file = path(sha256);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    Path path(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
