package io.clearflow.delivery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.delivery.ArtifactTooLargeException;
import io.clearflow.engine.api.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class PackageArchiveTest {

    @TempDir Path dir;

    private final AuditProperties limits = new AuditProperties(null, null, DataSize.ofMegabytes(64), 5, 200, null, null, null);

    @Test
    void unpacksZipAndTarGzWithTheSameHashes() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("trade/order.c", "int order;\n");
        files.put("README", "vendor package\n");
        var fromZip = new PackageArchive(limits).unpack(new ByteArrayInputStream(TestArchives.zip(files)), dir.resolve("z"));
        var fromTar = new PackageArchive(limits).unpack(new ByteArrayInputStream(TestArchives.tarGz(files)), dir.resolve("t"));
        assertThat(fromZip).containsExactlyInAnyOrderElementsOf(fromTar);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("int order;\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(fromZip).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("trade/order.c");
            assertThat(e.sha256()).isEqualTo(expected);
        });
        assertThat(Files.readString(dir.resolve("t/trade/order.c"))).isEqualTo("int order;\n");
    }

    @Test
    void refusesEntriesThatLeaveTheFolder() throws Exception {
        for (String name : new String[] {"../../etc/cron.d/x", "/etc/passwd", "src/../../x", "C:/win.ini"}) {
            Path target = dir.resolve("slip" + name.hashCode());
            assertThatThrownBy(() -> new PackageArchive(limits).unpack(
                    new ByteArrayInputStream(TestArchives.zipNamed(name)), target))
                    .as(name).isInstanceOf(InvalidRequestException.class).hasMessage("delivery.audit.error.path");
        }
        try (Stream<Path> written = Files.walk(dir)) {
            assertThat(written.filter(Files::isRegularFile)).as("nothing written anywhere").isEmpty();
        }
    }

    @Test
    void refusesLinks() {
        assertThatThrownBy(() -> new PackageArchive(limits).unpack(
                new ByteArrayInputStream(TestArchives.tarGzWithSymlink()), dir.resolve("a")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("delivery.audit.error.link");
        assertThatThrownBy(() -> new PackageArchive(limits).unpack(
                new ByteArrayInputStream(TestArchives.zipWithSymlink()), dir.resolve("b")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("delivery.audit.error.link");
    }

    @Test
    void stopsZipBombsWhileWriting() throws Exception {
        byte[] bomb = TestArchives.zipBomb(32);
        assertThat(bomb.length).isLessThan(200_000);
        assertThatThrownBy(() -> new PackageArchive(limits).unpack(new ByteArrayInputStream(bomb), dir.resolve("bomb")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("delivery.audit.error.ratio");
        try (Stream<Path> files = Files.walk(dir.resolve("bomb"))) {
            long written = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            assertThat(written).as("bytes written before the bomb was noticed").isLessThan(4L << 20);
        }
        // without the ratio check the total limit still stops it
        var loose = new AuditProperties(null, null, DataSize.ofMegabytes(8), 5, Integer.MAX_VALUE, null, null, null);
        assertThatThrownBy(() -> new PackageArchive(loose).unpack(new ByteArrayInputStream(bomb), dir.resolve("bomb2")))
                .isInstanceOf(ArtifactTooLargeException.class);
    }

    @Test
    void refusesTooManyFilesAndNonArchives() throws Exception {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("f" + i + ".c", "x\n");
        }
        assertThatThrownBy(() -> new PackageArchive(limits).unpack(new ByteArrayInputStream(TestArchives.zip(many)), dir.resolve("m")))
                .hasMessage("delivery.audit.error.tooManyFiles");
        assertThatThrownBy(() -> new PackageArchive(limits).unpack(
                new ByteArrayInputStream("just text".getBytes(StandardCharsets.UTF_8)), dir.resolve("n")))
                .hasMessage("delivery.audit.error.notArchive");
        byte[] zip = TestArchives.zip(Map.of("a.c", "x".repeat(10_000)));
        byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
        assertThatThrownBy(() -> new PackageArchive(limits).unpack(new ByteArrayInputStream(truncated), dir.resolve("c")))
                .isInstanceOf(InvalidRequestException.class);
    }
}
