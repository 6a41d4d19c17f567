package io.clearflow.delivery.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.delivery.ArtifactCorruptedException;
import io.clearflow.delivery.ArtifactTooLargeException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filesystem store without Spring: content addressing, streaming with bounded memory, nothing left
 * behind by refused content, and damaged files never handed out.
 */
class FileSystemArtifactStoreTest {

    static final long SIZE = 8L * 1024 * 1024;

    @TempDir Path root;

    /** Deterministic pseudo-random bytes produced on the fly: the test itself holds no copy of the content. */
    static InputStream generated(long size, long seed) {
        return new InputStream() {
            final Random random = new Random(seed);
            long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                left -= n;
                return n;
            }
        };
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void contentIsStoredUnderItsDigestAndStreamedWithBoundedMemory() throws Exception {
        FileSystemArtifactStore store = new FileSystemArtifactStore(root);
        String expected = sha256(generated(SIZE, 1));
        // the generator allocates its chunks too: measure it alone and compare with the store on top of it
        long before = allocatedBytes();
        sha256(generated(SIZE, 1));
        long generatorOnly = allocatedBytes() - before;
        before = allocatedBytes();
        ArtifactStore.Stored stored = store.put(generated(SIZE, 1), SIZE, null);
        long withStore = allocatedBytes() - before;

        assertThat(stored.sha256()).isEqualTo(expected);
        assertThat(stored.size()).isEqualTo(SIZE);
        assertThat(stored.created()).isTrue();
        Path file = root.resolve("sha256").resolve(expected.substring(0, 2)).resolve(expected.substring(2, 4)).resolve(expected);
        assertThat(file).exists().hasSize(SIZE);
        // no buffer of the artifact's size: the store's own allocations stay far below the content's size
        assertThat(withStore - generatorOnly).isLessThan(SIZE / 4);
        try (InputStream in = store.openVerified(expected)) {
            assertThat(sha256(in)).isEqualTo(expected);
        }
        try (Stream<Path> left = Files.list(root.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theSameContentTwiceIsOneFile() throws Exception {
        FileSystemArtifactStore store = new FileSystemArtifactStore(root);
        ArtifactStore.Stored first = store.put(generated(1000, 7), SIZE, null);
        ArtifactStore.Stored second = store.put(generated(1000, 7), SIZE, null);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.created()).isFalse();
    }

    @Test
    void tooLargeOrWrongDigestLeavesNothingBehind() throws Exception {
        FileSystemArtifactStore store = new FileSystemArtifactStore(root);
        assertThatThrownBy(() -> store.put(generated(10_001, 2), 10_000, null)).isInstanceOf(ArtifactTooLargeException.class);
        String other = "0".repeat(64);
        assertThatThrownBy(() -> store.put(generated(5000, 3), SIZE, other))
                .isInstanceOf(ArtifactStore.DigestMismatchException.class);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aDamagedOrMissingFileIsNeverHandedOut() throws Exception {
        FileSystemArtifactStore store = new FileSystemArtifactStore(root);
        ArtifactStore.Stored stored = store.put(generated(4096, 4), SIZE, null);
        Path file = store.path(stored.sha256());
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 0x20;
        Files.write(file, bytes);
        assertThatThrownBy(() -> store.openVerified(stored.sha256())).isInstanceOf(ArtifactCorruptedException.class);
        Files.delete(file);
        assertThatThrownBy(() -> store.openVerified(stored.sha256())).isInstanceOf(ArtifactCorruptedException.class);
        assertThatThrownBy(() -> store.path("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

}
