package io.clearflow.delivery.audit;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A package compared file by file with the previous one. Files whose SHA-256 is the same are skipped without
 * being read (most of a vendor upgrade); the others are diffed line by line with java-diff-utils (Myers), in
 * parallel. Binary files (a NUL byte) count as changed without lines.
 */
final class PackageDiff {

    enum Kind { UNCHANGED, ADDED, MODIFIED, DELETED }

    /** A changed region: its first line in the new file (in the old one for deletions) and its changed lines. */
    record Hunk(int line, int lines) {
    }

    record FileChange(String path, String module, String sha256, Kind kind, int added, int removed, List<Hunk> hunks) {

        int changedLines() {
            return added + removed;
        }
    }

    private final int moduleDepth;

    PackageDiff(int moduleDepth) {
        this.moduleDepth = moduleDepth;
    }

    /**
     * @param previous  path → sha256 of the previous package (empty for the first package of a system)
     * @param oldRoot   its unpacked folder (may be null when {@code previous} is empty)
     */
    List<FileChange> compare(Map<String, String> previous, Path oldRoot, List<PackageArchive.Entry> current, Path newRoot) {
        Set<String> paths = new TreeSet<>(previous.keySet());
        current.forEach(e -> paths.add(e.path()));
        Map<String, String> now = new java.util.HashMap<>();
        current.forEach(e -> now.put(e.path(), e.sha256()));
        return paths.parallelStream().map(path -> {
            String before = previous.get(path);
            String after = now.get(path);
            if (before != null && before.equals(after)) {
                return new FileChange(path, module(path), after, Kind.UNCHANGED, 0, 0, List.of());
            }
            if (before == null) {
                List<String> lines = lines(newRoot.resolve(path));
                return new FileChange(path, module(path), after, Kind.ADDED, lines.size(), 0,
                        lines.isEmpty() ? List.of() : List.of(new Hunk(1, lines.size())));
            }
            if (after == null) {
                List<String> lines = lines(oldRoot.resolve(path));
                return new FileChange(path, module(path), null, Kind.DELETED, 0, lines.size(),
                        lines.isEmpty() ? List.of() : List.of(new Hunk(1, lines.size())));
            }
            List<String> old = lines(oldRoot.resolve(path));
            List<String> changed = lines(newRoot.resolve(path));
            int added = 0, removed = 0;
            List<Hunk> hunks = new ArrayList<>();
            for (AbstractDelta<String> delta : DiffUtils.diff(old, changed).getDeltas()) {
                int plus = delta.getTarget().size(), minus = delta.getSource().size();
                added += plus;
                removed += minus;
                hunks.add(new Hunk(delta.getTarget().getPosition() + 1, plus + minus));
            }
            return new FileChange(path, module(path), after, Kind.MODIFIED, added, removed, hunks);
        }).sorted(Comparator.comparing(FileChange::path)).toList();
    }

    /** The first {@code moduleDepth} folders of the path; a file at the top is in module {@code /}. */
    String module(String path) {
        String[] parts = path.split("/");
        if (parts.length == 1) {
            return "/";
        }
        return String.join("/", java.util.Arrays.copyOf(parts, Math.min(moduleDepth, parts.length - 1)));
    }

    /** The file's lines, undecodable bytes replaced (vendors mix encodings); empty for binary files. */
    static List<String> lines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) {
                    return List.of();
                }
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.isEmpty()) {
                return List.of();
            }
            String[] lines = text.split("\r?\n", -1);
            // a final newline ends the last line; it does not start another
            return List.of(lines).subList(0, text.endsWith("\n") ? lines.length - 1 : lines.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
