package io.clearflow.delivery.execution.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment's {@code steps} text, parsed: one command a line, split into arguments the way a shell
 * would split them (blanks separate, {@code '…'} and {@code "…"} quote, {@code \} escapes) but never given
 * to a shell. Placeholders are replaced <em>inside</em> an argument after the split, so a value (an artifact
 * name such as {@code x; rm -rf /}) always stays one argument and is never read as shell text. Blank lines
 * and lines starting with {@code #} are skipped.
 */
public final class Steps {

    /** The placeholders a step may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("artifact", "sha256", "name", "environment", "system",
            "change", "target", "version", "deployment");

    /** The runner's own steps: portable, no outside command needed. */
    static final Set<String> BUILT_INS = Set.of("@copy", "@sha256");

    /**
     * Commands whose next argument after {@code -c} (or {@code /c}, {@code -Command}) is program text: a
     * placeholder there would be interpolated into code, so such steps are refused. Scripts read the values
     * from the {@code CF_*} environment variables instead.
     */
    private static final Set<String> INTERPRETERS = Set.of("sh", "bash", "dash", "zsh", "ksh", "ash", "fish",
            "busybox", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh", "python", "python3", "perl", "ruby",
            "node");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9]+)}");

    /** One line: its arguments with placeholders still in them. */
    public record Step(int line, List<String> arguments) {

        public Step {
            arguments = List.copyOf(arguments);
        }

        public boolean builtIn() {
            return BUILT_INS.contains(arguments.get(0));
        }

        /** The arguments with each placeholder replaced by its value, in one pass (values are not re-read). */
        public List<String> resolve(Map<String, String> values) {
            List<String> resolved = new ArrayList<>(arguments.size());
            for (String argument : arguments) {
                Matcher m = PLACEHOLDER.matcher(argument);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String value = PLACEHOLDERS.contains(m.group(1)) ? values.getOrDefault(m.group(1), "") : m.group();
                    m.appendReplacement(out, Matcher.quoteReplacement(value));
                }
                m.appendTail(out);
                resolved.add(out.toString());
            }
            return resolved;
        }
    }

    private final List<Step> steps;

    private Steps(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<Step> list() {
        return steps;
    }

    /**
     * Parses the text; refuses (IllegalArgumentException naming the line) an unclosed quote, a built-in step
     * with the wrong number of arguments, a placeholder inside an interpreter's program text, or no step.
     */
    public static Steps parse(String text) {
        List<Step> steps = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> arguments = split(line, i + 1);
            if (arguments.isEmpty()) {
                continue;
            }
            checkBuiltIn(arguments, i + 1);
            checkInterpreter(arguments, i + 1);
            steps.add(new Step(i + 1, arguments));
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("the deployment steps contain no command");
        }
        return new Steps(steps);
    }

    static List<String> split(String line, int number) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("step line " + number + ": unclosed ' quote");
                }
                current.append(line, i + 1, end);
                inArgument = true;
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < line.length() && (line.charAt(j + 1) == '"' || line.charAt(j + 1) == '\\')) {
                        d = line.charAt(++j);
                    }
                    current.append(d);
                }
                if (j >= line.length()) {
                    throw new IllegalArgumentException("step line " + number + ": unclosed \" quote");
                }
                inArgument = true;
                i = j;
            } else if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (inArgument) {
            arguments.add(current.toString());
        }
        return arguments;
    }

    private static void checkBuiltIn(List<String> arguments, int number) {
        String command = arguments.get(0);
        if (command.startsWith("@") && !BUILT_INS.contains(command)) {
            throw new IllegalArgumentException("step line " + number + ": unknown built-in " + command
                    + " (known: @copy, @sha256)");
        }
        if (BUILT_INS.contains(command) && arguments.size() != 3) {
            throw new IllegalArgumentException("step line " + number + ": " + command + " takes two arguments");
        }
    }

    private static void checkInterpreter(List<String> arguments, int number) {
        String command = arguments.get(0).replace('\\', '/');
        String base = command.substring(command.lastIndexOf('/') + 1).toLowerCase();
        if (!INTERPRETERS.contains(base)) {
            return;
        }
        for (int i = 1; i < arguments.size() - 1; i++) {
            String option = arguments.get(i);
            boolean programFollows = option.matches("-[A-Za-z]*[ce]") || option.equalsIgnoreCase("/c")
                    || option.equalsIgnoreCase("-Command");
            if (programFollows && hasPlaceholder(arguments.get(i + 1))) {
                throw new IllegalArgumentException("step line " + number + ": a placeholder inside " + base
                        + "'s program text could be injected; read it from the environment ($CF_NAME, $CF_ARTIFACT, …)"
                        + " or pass it as a separate argument");
            }
        }
    }

    private static boolean hasPlaceholder(String argument) {
        Matcher m = PLACEHOLDER.matcher(argument);
        while (m.find()) {
            if (PLACEHOLDERS.contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }
}
