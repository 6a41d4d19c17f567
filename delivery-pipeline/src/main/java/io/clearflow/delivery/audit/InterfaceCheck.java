package io.clearflow.delivery.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.testmetrics.api.SarifFindings;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The seed's interface-check plug-in: each function-code call's input and output parameters against the
 * interface definition, for type and mandatory-field consistency. Definitions: {@code function, direction (in|out),
 * param, type, mandatory}; calls: one row per parameter a call passes or reads, {@code function, direction, param,
 * type, path, line} (rows with the same function, path and line are one call). CSV with that header or a JSON array
 * of objects with those fields. Results are findings of the tool {@code interface-check}: a wrong type or a missing
 * mandatory parameter is an error, a parameter or function code the definition does not know a warning.
 */
final class InterfaceCheck {

    static final String TOOL = "interface-check";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ROWS = 1_000_000;

    record Param(String function, String direction, String param, String type, boolean mandatory, String path, Integer line) {
    }

    private InterfaceCheck() {
    }

    static List<SarifFindings.Finding> check(List<Param> definitions, List<Param> calls) {
        Map<String, Param> defined = new LinkedHashMap<>();
        Set<String> functions = new java.util.HashSet<>();
        definitions.forEach(d -> {
            defined.put(key(d.function(), d.direction(), d.param()), d);
            functions.add(d.function());
        });
        Map<String, List<Param>> byCall = new LinkedHashMap<>();
        calls.forEach(c -> byCall.computeIfAbsent(c.function() + "\u0000" + c.path() + "\u0000" + c.line(), k -> new ArrayList<>()).add(c));
        List<SarifFindings.Finding> findings = new ArrayList<>();
        for (List<Param> call : byCall.values()) {
            Param first = call.get(0);
            if (!functions.contains(first.function())) {
                findings.add(finding("interface.unknownFunction", "warning", "function code " + first.function()
                        + " is not in the interface definition", first));
                continue;
            }
            Set<String> passed = new java.util.HashSet<>();
            for (Param p : call) {
                passed.add(key(p.function(), p.direction(), p.param()));
                Param d = defined.get(key(p.function(), p.direction(), p.param()));
                if (d == null) {
                    findings.add(finding("interface.unknownParam", "warning", p.function() + " " + p.direction() + " parameter "
                            + p.param() + " is not defined", p));
                } else if (!d.type().equalsIgnoreCase(p.type())) {
                    findings.add(finding("interface.type", "error", p.function() + " " + p.direction() + " parameter " + p.param()
                            + " is " + p.type() + ", the definition says " + d.type(), p));
                }
            }
            for (Param d : definitions) {
                if (d.function().equals(first.function()) && d.mandatory()
                        && !passed.contains(key(d.function(), d.direction(), d.param()))) {
                    findings.add(finding("interface.mandatory", "error", first.function() + " " + d.direction()
                            + " parameter " + d.param() + " is mandatory and missing", first));
                }
            }
        }
        return findings;
    }

    private static String key(String function, String direction, String param) {
        return function + "\u0000" + direction + "\u0000" + param.toLowerCase(Locale.ROOT);
    }

    private static SarifFindings.Finding finding(String rule, String level, String message, Param at) {
        return new SarifFindings.Finding(TOOL, rule, level, message, at.path(), at.line(),
                sha256(rule + "\u0000" + message + "\u0000" + at.path()), null);
    }

    static List<Param> read(InputStream raw, boolean definitions) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(64);
        int c;
        do {
            c = in.read();
        } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
        in.reset();
        List<Param> rows = new ArrayList<>();
        if (c == '[') {
            JsonNode array;
            try {
                array = JSON.readTree(in);
            } catch (IOException e) {
                throw new InvalidRequestException("delivery.audit.error.interfaceFile");
            }
            for (JsonNode o : array) {
                rows.add(param(o.path("function").asText(null), o.path("direction").asText(null), o.path("param").asText(null),
                        o.path("type").asText(null), o.path("mandatory").asText("false"), o.path("path").asText(null),
                        o.path("line").isMissingNode() ? null : o.path("line").asText(), definitions));
                if (rows.size() > MAX_ROWS) {
                    throw new InvalidRequestException("delivery.audit.error.interfaceFile");
                }
            }
            return rows;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new InvalidRequestException("delivery.audit.error.interfaceFile");
        }
        List<String> columns = List.of(header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        if (!columns.containsAll(definitions ? List.of("function", "direction", "param", "type")
                : List.of("function", "direction", "param", "type", "path"))) {
            throw new InvalidRequestException("delivery.audit.error.interfaceFile");
        }
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*", -1);
            if (cells.length != columns.size() || rows.size() >= MAX_ROWS) {
                throw new InvalidRequestException("delivery.audit.error.interfaceFile");
            }
            Map<String, String> row = new java.util.HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(columns.get(i), cells[i].strip());
            }
            rows.add(param(row.get("function"), row.get("direction"), row.get("param"), row.get("type"),
                    row.getOrDefault("mandatory", "false"), row.get("path"), row.get("line"), definitions));
        }
        if (definitions && rows.isEmpty()) {
            throw new InvalidRequestException("delivery.audit.error.interfaceFile");
        }
        return rows;
    }

    private static Param param(String function, String direction, String param, String type, String mandatory, String path,
                               String line, boolean definition) {
        String dir = direction == null ? null : direction.strip().toLowerCase(Locale.ROOT);
        if (blank(function) || blank(param) || blank(type) || !("in".equals(dir) || "out".equals(dir))
                || (!definition && blank(path))) {
            throw new InvalidRequestException("delivery.audit.error.interfaceFile");
        }
        Integer number = null;
        if (!definition && !blank(line)) {
            try {
                number = Integer.parseInt(line.strip());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("delivery.audit.error.interfaceFile");
            }
        }
        String m = mandatory == null ? "" : mandatory.strip().toLowerCase(Locale.ROOT);
        return new Param(cut(function), dir, cut(param), cut(type), Set.of("true", "y", "yes", "1", "是").contains(m),
                definition ? null : AuditPaths.fromUri(cut(path)), number);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s) {
        String t = s.strip();
        return t.length() > 300 ? t.substring(0, 300) : t;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
