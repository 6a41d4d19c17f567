package io.clearflow.bots.reconciliation;

import io.clearflow.bots.runtime.BotSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements dropped into a folder (e.g. by the bank's SFTP client). Handled files move to {@code done/}, so the
 * next run does not see them again; a file left behind (the platform was down) is simply fetched again, and the
 * content hash keeps it from being processed twice.
 */
public final class FolderStatementSource implements StatementSource {

    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private final Path folder;

    public FolderStatementSource(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<IncomingDocument> fetch() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<IncomingDocument> found = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // partial uploads by convention
                }
                long size = Files.size(f);
                found.add(new IncomingDocument(name, size > MAX_FILE_BYTES ? tooLarge(name, size) : Files.readAllBytes(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read statements from " + folder, e);
        }
        return found;
    }

    /**
     * Oversized files are not read into memory: a marker the extractor rejects as unsupported. It names
     * the file and its size, so two different oversized files never share a content hash (one would
     * otherwise be taken for a duplicate of the other and never reach a person).
     */
    private static byte[] tooLarge(String name, long size) {
        return ("file larger than 20 MB: " + name + " (" + size + " bytes)").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void acknowledge(IncomingDocument document) {
        try {
            Path done = Files.createDirectories(folder.resolve("done"));
            Path source = folder.resolve(document.name());
            if (Files.exists(source)) {
                Files.move(source, done.resolve(document.name()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + document.name() + " to done/", e);
        }
    }

    @Override
    public BotSource describe() {
        return new BotSource("folder", folder.toString());
    }
}
