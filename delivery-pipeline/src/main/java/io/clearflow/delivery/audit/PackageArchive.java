package io.clearflow.delivery.audit;

import io.clearflow.delivery.ArtifactTooLargeException;
import io.clearflow.engine.api.InvalidRequestException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Unpacks a vendor package (ZIP or tar.gz, told apart by their first bytes) into a fresh folder, hashing each
 * file on the way. Refused, with nothing kept: entries that leave the folder (zip-slip: {@code ..}, absolute
 * paths, drive letters), links (symbolic or hard: they could point anywhere on the server), more entries than
 * allowed, more unpacked bytes than allowed and entries that expand beyond the ratio (zip bombs). Limits are
 * counted on the bytes actually written, never on what an entry's header claims.
 */
final class PackageArchive {

    record Entry(String path, String sha256, long size) {
    }

    private final AuditProperties limits;

    PackageArchive(AuditProperties limits) {
        this.limits = limits;
    }

    /** Unpacks into {@code target} (created); on refusal the caller deletes it. */
    List<Entry> unpack(InputStream raw, Path target) throws IOException {
        Files.createDirectories(target);
        BufferedInputStream in = new BufferedInputStream(raw, 65536);
        in.mark(4);
        int b0 = in.read(), b1 = in.read(), b2 = in.read(), b3 = in.read();
        in.reset();
        if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
            // read through the central directory (a file): only there does a ZIP say which entries are links
            Path copy = Files.createTempFile(target.getParent(), "package-", ".zip");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                try (ZipFile zip = ZipFile.builder().setPath(copy).get()) {
                    Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder();
                    return entries(() -> {
                        if (!all.hasMoreElements()) {
                            return null;
                        }
                        ZipArchiveEntry entry = all.nextElement();
                        return new Next(entry, entry.isDirectory() || entry.isUnixSymlink() ? null : zip.getInputStream(entry));
                    }, target);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidRequestException("delivery.audit.error.corrupt");
            } finally {
                Files.deleteIfExists(copy);
            }
        }
        if (b0 == 0x1f && b1 == 0x8b) {
            try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(in), "UTF-8")) {
                return entries(() -> {
                    ArchiveEntry entry = tar.getNextEntry();
                    return entry == null ? null : new Next(entry, tar);
                }, target);
            } catch (IOException e) {
                throw new InvalidRequestException("delivery.audit.error.corrupt");
            }
        }
        throw new InvalidRequestException("delivery.audit.error.notArchive");
    }

    private record Next(ArchiveEntry entry, InputStream content) {
    }

    private interface Entries {
        /** The next entry, null at the end. */
        Next next() throws IOException;
    }

    private List<Entry> entries(Entries archive, Path target) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[65536];
        Path root = target.toAbsolutePath().normalize();
        Next next;
        try {
            while ((next = archive.next()) != null) {
                ArchiveEntry entry = next.entry();
                if (isLink(entry)) {
                    throw new InvalidRequestException("delivery.audit.error.link");
                }
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory()) {
                    continue;
                }
                String path = safePath(name);
                Path file = root.resolve(path).normalize();
                if (!file.startsWith(root) || !seen.add(path)) {
                    throw new InvalidRequestException("delivery.audit.error.path");
                }
                if (entries.size() >= limits.maxEntries()) {
                    throw new InvalidRequestException("delivery.audit.error.tooManyFiles");
                }
                Files.createDirectories(file.getParent());
                MessageDigest digest = sha256();
                long size = 0;
                long remaining = limits.maxUnpackedSize().toBytes() - total;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                    int n;
                    InputStream content = next.content();
                    while ((n = content.read(buffer)) > 0) {
                        size += n;
                        if (size > remaining) {
                            throw new ArtifactTooLargeException(limits.maxUnpackedSize().toBytes());
                        }
                        // checked while writing, so a bomb stops after a megabyte or so, not at the total limit
                        if (size > 1_048_576 && content instanceof InputStreamStatistics stats
                                && stats.getUncompressedCount() > (long) limits.maxRatio() * Math.max(1, stats.getCompressedCount())) {
                            throw new InvalidRequestException("delivery.audit.error.ratio");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                total += size;
                entries.add(new Entry(path, HexFormat.of().formatHex(digest.digest()), size));
            }
        } catch (InvalidRequestException | ArtifactTooLargeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a truncated or corrupt archive, or an entry the library cannot read: the upload's fault, not ours
            throw new InvalidRequestException("delivery.audit.error.corrupt");
        }
        if (entries.isEmpty()) {
            throw new InvalidRequestException("delivery.audit.error.empty");
        }
        return entries;
    }

    private static boolean isLink(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) {
            return tar.isSymbolicLink() || tar.isLink() || tar.isCharacterDevice() || tar.isBlockDevice() || tar.isFIFO();
        }
        return entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink();
    }

    /** A relative path of plain segments: no {@code ..}, no absolute path, no drive letter, no control characters. */
    static String safePath(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name;
        if (path.isEmpty() || path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.length() > 1000
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidRequestException("delivery.audit.error.path");
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new InvalidRequestException("delivery.audit.error.path");
            }
        }
        return path.replaceAll("/+", "/");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
