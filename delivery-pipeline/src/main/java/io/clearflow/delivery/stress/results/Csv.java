package io.clearflow.delivery.stress.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 splitting as JMeter and Locust write it: quoted cells may hold commas, doubled quotes and line breaks. */
final class Csv {

    /** A quoted cell longer than this is not a response message but a broken quote running to the end of the file. */
    private static final int MAX_CELL = 1 << 20;

    private Csv() {
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        String[] buffer = new String[256];
        try {
            int n = split(line, buffer, null);
            for (int i = 0; i < Math.min(n, buffer.length); i++) {
                cells.add(buffer[i]);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return cells;
    }

    /**
     * Splits one record into {@code cells}; returns the number of cells found (more than {@code cells.length} means
     * too many: the extra ones are not kept). A quoted cell open at the end of the line continues on the next line
     * of {@code more}; without more lines the record is truncated.
     */
    static int split(String line, String[] cells, BufferedReader more) throws IOException {
        int count = 0;
        int i = 0;
        int length = line.length();
        if (line.indexOf('"') < 0) {
            // the common case (no quotes at all): plain comma positions, no copying into a builder
            int from = 0;
            for (int comma = line.indexOf(','); ; comma = line.indexOf(',', from)) {
                String cell = comma < 0 ? line.substring(from) : line.substring(from, comma);
                if (count < cells.length) {
                    cells[count] = cell;
                }
                count++;
                if (comma < 0) {
                    return count;
                }
                from = comma + 1;
            }
        }
        StringBuilder cell = new StringBuilder();
        while (true) {
            cell.setLength(0);
            if (i < length && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= length) {
                        String next = more == null ? null : more.readLine();
                        if (next == null || cell.length() > MAX_CELL) {
                            throw new BadResultFileException("delivery.stress.error.truncated");
                        }
                        cell.append('\n');
                        line = next;
                        length = line.length();
                        i = 0;
                        continue;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < length && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                while (i < length && line.charAt(i) != ',') {
                    cell.append(line.charAt(i++));
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                cell.append(line, i, end);
                i = end;
            }
            if (count < cells.length) {
                cells[count] = cell.toString();
            }
            count++;
            if (i >= length) {
                return count;
            }
            i++; // the comma
            if (i == length) {
                if (count < cells.length) {
                    cells[count] = "";
                }
                return count + 1;
            }
        }
    }
}
