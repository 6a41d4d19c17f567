package io.clearflow.delivery.stress.workload;

import io.clearflow.engine.api.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a production call-mix sample: CSV with a header naming {@code function_code}, {@code business} and
 * {@code count} (any order; further columns such as the interval are ignored, the counts are summed per code).
 */
public final class CallSampleReader {

    static final int MAX_ROWS = 5_000_000;

    private CallSampleReader() {
    }

    public static List<WorkloadModel.Calls> read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || header.isBlank()) {
            throw invalid("delivery.stress.error.workloadEmpty");
        }
        String[] names = header.replace("\uFEFF", "").split(",", -1);
        int code = -1;
        int business = -1;
        int count = -1;
        for (int i = 0; i < names.length; i++) {
            switch (names[i].strip().toLowerCase(Locale.ROOT)) {
                case "function_code", "functioncode", "code", "功能号" -> code = i;
                case "business", "业务" -> business = i;
                case "count", "calls", "调用量" -> count = i;
                default -> { }
            }
        }
        if (code < 0 || business < 0 || count < 0) {
            throw invalid("delivery.stress.error.workloadHeader");
        }
        List<WorkloadModel.Calls> rows = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != names.length || rows.size() >= MAX_ROWS) {
                throw row(number);
            }
            String c = cells[code].strip();
            String b = cells[business].strip();
            long n;
            try {
                n = Long.parseLong(cells[count].strip());
            } catch (NumberFormatException e) {
                throw row(number);
            }
            if (c.isEmpty() || c.length() > 64 || b.length() > 64 || n < 0) {
                throw row(number);
            }
            rows.add(new WorkloadModel.Calls(c, b.isEmpty() ? "-" : b, n));
        }
        if (rows.stream().mapToLong(WorkloadModel.Calls::count).sum() == 0) {
            throw invalid("delivery.stress.error.workloadEmpty");
        }
        return rows;
    }

    private static InvalidRequestException invalid(String key) {
        return new InvalidRequestException(key, Map.of("file", key));
    }

    private static InvalidRequestException row(int number) {
        return new InvalidRequestException("delivery.stress.error.workloadRow",
                Map.of("file", "delivery.stress.error.workloadLine"), String.valueOf(number));
    }
}
