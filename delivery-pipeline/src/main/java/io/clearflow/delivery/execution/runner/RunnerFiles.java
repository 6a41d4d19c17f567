package io.clearflow.delivery.execution.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The runner's own file work: the artifact's name and SHA-256 checked before anything runs, and the built-in steps
 * ({@code @copy}, {@code @sha256}) that need no process.
 */
final class RunnerFiles {

    private RunnerFiles() {
    }

    /** Runs a built-in step inside the folder; {@code log} takes the runner's line about it. */
    static void builtIn(Path folder, int line, List<String> arguments, RunnerLog log) throws StepFailed, IOException {
        Path first = folder.resolve(arguments.get(1)).normalize();
        switch (arguments.get(0)) {
            case "@copy" -> {
                Path to = folder.resolve(arguments.get(2)).normalize();
                if (!Files.isRegularFile(first)) {
                    throw new StepFailed("step " + line + ": " + first + " is not a file");
                }
                Files.createDirectories(to.toAbsolutePath().getParent());
                // copy beside the target, then move: whoever reads the target never sees half a file
                Path part = to.resolveSibling(to.getFileName() + ".part");
                Files.copy(first, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log.line("copied " + Files.size(to) + " bytes to " + to);
            }
            case "@sha256" -> {
                verify(first, arguments.get(2), first.toString());
                log.line(first + ": SHA-256 OK");
            }
            default -> throw new StepFailed("step " + line + ": unknown built-in " + arguments.get(0));
        }
    }

    static void verify(Path file, String expected, String what) throws StepFailed, IOException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new StepFailed(what + " is missing" + (file == null ? "" : ": " + file));
        }
        String actual = sha256(file);
        if (expected == null || !actual.equalsIgnoreCase(expected.strip())) {
            throw new StepFailed("SHA-256 mismatch for " + what + ": expected " + expected + ", found " + actual
                    + "; nothing was run");
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An artifact name must be a plain file name: steps put it into paths ({@code {target}/{name}}) and argument
     * lists, where a separator would escape the target folder and a leading dash would read as an option.
     */
    static void checkName(String name) throws StepFailed {
        boolean plain = name != null && !name.isBlank() && name.length() <= 255 && !name.equals(".")
                && !name.equals("..") && !name.startsWith("-") && name.chars().noneMatch(c -> c == '/' || c == '\\'
                || c < 0x20 || c == 0x7f);
        if (!plain) {
            throw new StepFailed("the artifact name " + (name == null ? null : "'" + name.replaceAll("\\p{Cntrl}", "?")
                    + "'") + " is not a plain file name; nothing was run");
        }
    }
}
