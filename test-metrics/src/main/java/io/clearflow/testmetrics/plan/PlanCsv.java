package io.clearflow.testmetrics.plan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plan's cases from CSV as spreadsheets write it (Spring-free): UTF-8 with or without BOM, or GB18030 when
 * the bytes are not UTF-8 (Excel's plain "CSV" on Chinese Windows); comma, semicolon or tab as separator, found in
 * the header; RFC 4180 quotes. Columns by header name in English or Chinese, any order: {@code key} (用例编号),
 * {@code title} (标题), {@code automated} (自动化: yes/no, true/false, 1/0, 是/否, automated/manual, 自动/手工),
 * {@code demands} (需求: ids separated by ';', ',', '、', '|' or spaces, '#' allowed). Every bad row is reported
 * with its line number as a bundle key; nothing is imported while any row is bad.
 */
public final class PlanCsv {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ERRORS = 50;

    /** The cases read, or the errors by "row n" (header = row 1), never both. */
    public record Result(List<PlanInput.CaseInput> cases, Map<String, String> errors) {
    }

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        for (String h : List.of("key", "id", "case", "case id", "用例编号", "用例", "编号")) {
            HEADERS.put(h, "key");
        }
        for (String h : List.of("title", "name", "标题", "用例名称", "名称")) {
            HEADERS.put(h, "title");
        }
        for (String h : List.of("automated", "automation", "type", "自动化", "类型", "是否自动化")) {
            HEADERS.put(h, "automated");
        }
        for (String h : List.of("demands", "demand", "requirements", "requirement", "需求", "需求编号", "关联需求")) {
            HEADERS.put(h, "demands");
        }
    }

    private PlanCsv() {
    }

    public static Result read(byte[] content) {
        List<List<String>> rows = rows(text(content));
        Map<String, String> errors = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            errors.put("row 1", "tm.plan.csv.empty");
            return new Result(List.of(), errors);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = HEADERS.get(header.get(i).strip().toLowerCase(Locale.ROOT));
            if (name != null) {
                column.putIfAbsent(name, i);
            }
        }
        if (!column.containsKey("key") || !column.containsKey("automated")) {
            errors.put("row 1", "tm.plan.csv.header");
            return new Result(List.of(), errors);
        }
        List<PlanInput.CaseInput> cases = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        for (int r = 1; r < rows.size() && errors.size() < MAX_ERRORS; r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue; // spreadsheets leave empty lines at the end
            }
            String where = "row " + (r + 1);
            String key = cell(row, column.get("key"));
            String title = cell(row, column.get("title"));
            Boolean automated = automated(cell(row, column.get("automated")));
            List<Long> demands = demands(cell(row, column.get("demands")));
            if (key.isEmpty() || key.length() > 500 || key.chars().anyMatch(Character::isISOControl)) {
                errors.put(where, "tm.plan.error.key");
            } else if (!keys.add(key)) {
                errors.put(where, "tm.plan.error.duplicateKey");
            } else if (title.length() > 500 || title.chars().anyMatch(Character::isISOControl)) {
                errors.put(where, "tm.plan.error.title");
            } else if (automated == null) {
                errors.put(where, "tm.plan.error.automated");
            } else if (demands == null) {
                errors.put(where, "tm.plan.error.demands");
            } else {
                cases.add(new PlanInput.CaseInput(key, title, automated, demands));
            }
        }
        if (errors.isEmpty() && cases.isEmpty()) {
            errors.put("row 2", "tm.plan.csv.empty");
        } else if (errors.isEmpty() && cases.size() > PlanInput.MAX_CASES) {
            errors.put("row " + (PlanInput.MAX_CASES + 2), "tm.plan.error.cases");
        }
        return errors.isEmpty() ? new Result(cases, Map.of()) : new Result(List.of(), errors);
    }

    static String text(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, Charset.forName("GB18030"));
        }
    }

    /** RFC 4180 records; the separator is the first of tab, semicolon, comma found in the header line. */
    static List<List<String>> rows(String text) {
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        char sep = first.indexOf('\t') >= 0 ? '\t' : first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == sep) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String cell(List<String> row, Integer index) {
        return index == null || index >= row.size() ? "" : row.get(index).strip();
    }

    static Boolean automated(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "是", "automated", "auto", "自动", "自动化" -> true;
            case "no", "n", "false", "0", "否", "manual", "手工", "手动" -> false;
            default -> null;
        };
    }

    /** Demand ids, or null when any part is not a positive number. */
    static List<Long> demands(String value) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : value.split("[;,、|\\s]+")) {
            String id = part.startsWith("#") ? part.substring(1) : part;
            if (id.isEmpty()) {
                continue;
            }
            if (!id.matches("[0-9]{1,18}") || Long.parseLong(id) == 0) {
                return null;
            }
            ids.add(Long.parseLong(id));
        }
        return ids.size() > 100 ? null : List.copyOf(ids);
    }
}
