package io.clearflow.delivery.stress.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a load tool's result file, recognising the format by its content, in one streaming pass (a JTL is never
 * held in memory: only the elapsed times, as ints); each format's reading is {@link JtlReader}'s, {@link LocustReader}'s
 * or {@link K6Reader}'s. Anything else — binary, empty, truncated, an XML with a DTD,
 * negative times — is a {@link BadResultFileException}; nothing is half-read into a result.
 */
public final class LoadResultReader {

    private static final int SNIFF = 8192;
    private static final List<String> LOCUST_STATS_HEADER = List.of("type", "name", "request count", "failure count");

    private final ObjectMapper json = new ObjectMapper();

    public LoadSummary read(InputStream raw) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            String start = sniff(head);
            if (start.isEmpty()) {
                throw new BadResultFileException("delivery.stress.error.empty");
            }
            char first = start.charAt(0);
            if (first == '<') {
                return JtlReader.xml(in);
            }
            if (first == '{') {
                return K6Reader.read(json, in);
            }
            return readCsv(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's beginning as text without BOM and leading blanks; binary content is refused here. */
    private static String sniff(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                throw new BadResultFileException("delivery.stress.error.binary");
            }
        }
        // a full window may end inside a multi-byte character: then an incomplete last sequence is not an error
        CharBuffer chars = CharBuffer.allocate(head.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head), chars, head.length < SNIFF);
        if (result.isError()) {
            throw new BadResultFileException("delivery.stress.error.binary");
        }
        String text = chars.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.stripLeading();
    }

    // ---------------------------------------------------------------- CSV: JMeter JTL, Locust stats and history

    private LoadSummary readCsv(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String headerLine = reader.readLine();
        while (headerLine != null && headerLine.isBlank()) {
            headerLine = reader.readLine();
        }
        if (headerLine == null) {
            throw new BadResultFileException("delivery.stress.error.empty");
        }
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        List<String> header = Csv.split(headerLine);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (columns.containsKey("timestamp") && columns.containsKey("elapsed")) {
            return JtlReader.csv(reader, columns, header.size());
        }
        if (columns.containsKey("timestamp") && columns.containsKey("user count")
                && columns.containsKey("total request count")) {
            return LocustReader.history(reader, columns);
        }
        if (columns.keySet().containsAll(LOCUST_STATS_HEADER)) {
            return LocustReader.stats(reader, columns);
        }
        throw new BadResultFileException("delivery.stress.error.unknownFormat");
    }

    /** A cell holding a non-negative whole number (epoch milliseconds, elapsed times, counts). */
    static long number(String s) {
        String v = s.strip();
        if (v.isEmpty()) {
            throw new BadResultFileException("delivery.stress.error.badNumber");
        }
        long result = 0;
        boolean negative = v.charAt(0) == '-';
        int i = negative ? 1 : 0;
        if (i == v.length()) {
            throw new BadResultFileException("delivery.stress.error.badNumber");
        }
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            // JMeter's timeStamp may be configured as a date: only epoch milliseconds are read
            if (c < '0' || c > '9' || result > (Long.MAX_VALUE - 9) / 10) {
                throw new BadResultFileException("delivery.stress.error.badNumber");
            }
            result = result * 10 + (c - '0');
        }
        if (negative) {
            throw new BadResultFileException("delivery.stress.error.negativeTime");
        }
        return result;
    }
}
