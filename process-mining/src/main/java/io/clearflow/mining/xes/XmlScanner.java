package io.clearflow.mining.xes;

import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small pull scanner for the XML subset XES uses, working on the raw UTF-8 (or ISO-8859-1) bytes.
 * It exists for speed: a general StAX parser builds a String for every name and attribute value,
 * while XES repeats the same few names and values millions of times; here names and repeated values
 * are interned straight from the bytes and timestamps are parsed from the bytes, so an event costs
 * almost no allocation (about 3x the throughput of Woodstox on the 250k-event benchmark log).
 *
 * <p>Security by construction: there is no DTD support at all. A {@code <!DOCTYPE} (or any other
 * markup declaration) is refused, and the only entity references accepted are the five predefined
 * ones and character references, so no external entity or entity expansion can happen.
 *
 * <p>Well-formedness checked: tag nesting and matching end tags, one root element, no character data
 * outside it, quoted attribute values without {@code <}, known entity references, comments, CDATA and
 * processing instructions terminated. Not checked (a general parser would): the characters allowed in
 * names, duplicate attributes, and UTF-8 byte sequences (invalid ones become U+FFFD). XES is UTF-8 by
 * the standard; ISO-8859-1 and US-ASCII declarations are honoured, other encodings are refused.
 *
 * <p>This class is the tokenizer over its buffer; {@link Interner} shares the strings, {@link XmlEntities}
 * resolves references and normalises attribute values, {@link XmlEncoding} decides the charset.
 */
final class XmlScanner {

    /** Receives elements in document order; attributes are read from the scanner during {@link #start}. */
    interface Handler {
        void start(String element);

        void end(String element);
    }

    /** Bytes that end a name. */
    private static final boolean[] NAME_END = new boolean[256];
    /** Bytes an attribute value needs a closer look at: quotes, markup, control characters, non-ASCII. */
    private static final boolean[] VALUE_SPECIAL = new boolean[256];

    static {
        for (char c : " =>/\n\t\r?<\"'".toCharArray()) {
            NAME_END[c] = true;
        }
        for (int c = 0; c < 256; c++) {
            VALUE_SPECIAL[c] = c < 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '&' || c == '<';
        }
    }

    private final InputStream in;
    private final Interner names = new Interner(1 << 10);
    private final Interner values = new Interner(1 << 12);
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    /** Start of the token being read; a refill keeps the bytes from here on. -1 when between tokens. */
    private int mark = -1;
    private int line = 1;
    private Charset charset = StandardCharsets.UTF_8;

    private String[] stack = new String[16];
    private int depth;
    private boolean rootSeen;

    private int attributes;
    private String[] attributeNames = new String[8];
    private int[] valueStart = new int[9];
    private int[] valueEnd = new int[9];
    private boolean[] valuePlain = new boolean[9];
    private int[] valueHash = new int[9];

    /**
     * @param knownValues values returned as these very instances by {@link #internedValue}, so a caller
     *                    can compare them with {@code ==} (attribute keys such as {@code concept:name})
     */
    XmlScanner(InputStream in, String... knownValues) {
        this.in = in;
        for (String known : knownValues) {
            values.intern(known.getBytes(StandardCharsets.ISO_8859_1), 0, known.length(), known.hashCode(), known);
        }
        // the names callers compare with literals: interned as those literals, String.equals is an identity check
        for (String known : new String[] {"log", "trace", "event", "string", "date", "int", "float", "boolean", "id",
                "list", "container", "key", "value"}) {
            names.intern(known.getBytes(StandardCharsets.ISO_8859_1), 0, known.length(), known.hashCode(), known);
        }
    }

    int line() {
        return line;
    }

    /** Reads the whole document, calling the handler for each element. */
    void scan(Handler handler) throws IOException {
        prolog();
        while (true) {
            if (!text()) {
                break;
            }
            mark = pos - 1;
            int b = next();
            if (b == '/') {
                endTag(handler);
            } else if (b == '?') {
                processingInstruction(false);
            } else if (b == '!') {
                bang();
            } else if (b < 0) {
                throw malformed("unexpected end of input in a tag");
            } else {
                pos--;
                startTag(handler);
            }
            mark = -1;
        }
        if (depth > 0) {
            throw malformed("unexpected end of input: <" + stack[depth - 1] + "> is not closed");
        }
    }

    // ---- attributes of the current start tag (valid during Handler.start) ----

    /** Index of the attribute, or -1. Attribute names are interned, so identity would do; equals is safe. */
    int attribute(String name) {
        for (int i = 0; i < attributes; i++) {
            if (attributeNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    int attributeCount() {
        return attributes;
    }

    String attributeName(int i) {
        return attributeNames[i];
    }

    /** The value as a shared String: for values that repeat (activity, resource, group, ...). */
    String internedValue(int i) {
        if (valuePlain[i]) {
            return values.intern(buf, valueStart[i], valueEnd[i], valueHash[i]);
        }
        return decode(i);
    }

    /** The value as a new String: for values that do not repeat (case ids). */
    String value(int i) {
        if (valuePlain[i]) {
            return new String(buf, valueStart[i], valueEnd[i] - valueStart[i], StandardCharsets.ISO_8859_1);
        }
        return decode(i);
    }

    /** The value as epoch millis, or {@code Long.MIN_VALUE} when it is not a timestamp the fast path reads. */
    long timestampValue(int i) {
        return valuePlain[i] ? Timestamps.parseFast(buf, valueStart[i], valueEnd[i]) : Long.MIN_VALUE;
    }

    // ---- scanning ----

    private void prolog() throws IOException {
        fill();
        XmlEncoding.refuseUtf16Or32(buf, pos, limit);
        if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
        if (limit - pos >= 5 && buf[pos] == '<' && buf[pos + 1] == '?' && buf[pos + 2] == 'x' && buf[pos + 3] == 'm'
                && buf[pos + 4] == 'l') {
            mark = pos;
            pos += 2;
            processingInstruction(true);
            mark = -1;
        }
    }

    /** Skips character data up to the next '<' (consumed); false at the end of input. */
    private boolean text() throws IOException {
        while (true) {
            byte[] b = buf;
            int p = pos;
            int end = limit;
            while (p < end) {
                byte c = b[p++];
                if (c == '<') {
                    pos = p;
                    return true;
                } else if (c == '\n') {
                    line++;
                } else if (c == '&') {
                    pos = p;
                    mark = p - 1;
                    entity();
                    mark = -1;
                    p = pos;
                    end = limit;
                    b = buf;
                } else if (depth == 0 && c != ' ' && c != '\t' && c != '\r') {
                    pos = p;
                    throw malformed(rootSeen ? "content after the root element" : "content before the root element");
                }
            }
            pos = p;
            if (!fill()) {
                return false;
            }
        }
    }

    /** Validates an entity reference after '&amp;' (the '&amp;' is at or after {@link #mark}) and returns its text. */
    private String entity() throws IOException {
        int length = 0;
        int c;
        while ((c = next()) != ';') {
            if (c < 0 || ++length > 12 || c == '<' || c == '&' || c == '"' || c == '\'' || c <= ' ') {
                throw malformed("bad entity reference");
            }
        }
        int start = pos - 1 - length;
        String name = new String(buf, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
        String text = XmlEntities.text(name);
        if (text != null) {
            return text;
        }
        // a DTD could have declared a named one, but DTDs are refused: so it is undeclared
        throw malformed(name.startsWith("#") ? "bad character reference &" + name + ";" : "undeclared entity &" + name + ";");
    }

    private void startTag(Handler handler) throws IOException {
        if (depth == 0 && rootSeen) {
            throw malformed("more than one root element");
        }
        String name = name();
        attributes = 0;
        while (true) {
            int c = skipSpace();
            if (c == '>') {
                push(name);
                handler.start(name);
                return;
            }
            if (c == '/') {
                if (next() != '>') {
                    throw malformed("expected '>' after '/' in <" + name + ">");
                }
                rootSeen = true;
                depth++; // so handlers see the same depth as for <x></x>
                handler.start(name);
                depth--;
                handler.end(name);
                return;
            }
            if (c < 0) {
                throw malformed("unexpected end of input in <" + name + ">");
            }
            pos--;
            readAttribute(name);
        }
    }

    private void readAttribute(String element) throws IOException {
        String attributeName = name();
        if (skipSpace() != '=') {
            throw malformed("attribute " + attributeName + " of <" + element + "> has no value");
        }
        int quote = skipSpace();
        if (quote != '"' && quote != '\'') {
            throw malformed("value of attribute " + attributeName + " of <" + element + "> is not quoted");
        }
        int i = attributes;
        if (i + 1 >= valueStart.length) {
            int n = valueStart.length * 2;
            attributeNames = Arrays.copyOf(attributeNames, n);
            valueStart = Arrays.copyOf(valueStart, n);
            valueEnd = Arrays.copyOf(valueEnd, n);
            valuePlain = Arrays.copyOf(valuePlain, n);
            valueHash = Arrays.copyOf(valueHash, n);
        }
        attributeNames[i] = attributeName;
        valueStart[i] = pos;
        boolean plain = true;
        int hash = 0; // String.hashCode of a plain value, computed on the way for the interner
        while (true) {
            byte[] b = buf;
            int p = pos;
            int end = limit;
            while (p < end) {
                byte c = b[p++];
                if (!VALUE_SPECIAL[c & 0xff]) {
                    hash = 31 * hash + c;
                    continue;
                }
                if (c == quote) {
                    pos = p;
                    valueEnd[i] = p - 1;
                    valuePlain[i] = plain;
                    valueHash[i] = hash;
                    attributes++;
                    return;
                }
                if (c == '<') {
                    pos = p;
                    throw malformed("'<' in the value of attribute " + attributeName);
                }
                if (c == '\n') {
                    line++;
                }
                if (c == '&') {
                    pos = p;
                    entity(); // validated here, decoded in decode()
                    p = pos;
                    b = buf;
                    end = limit;
                }
                if (c != '"' && c != '\'') { // the other quote is an ordinary character
                    plain = false;
                } else {
                    hash = 31 * hash + c;
                }
            }
            pos = p;
            if (!fill()) {
                throw malformed("unexpected end of input in the value of attribute " + attributeName);
            }
        }
    }

    /** Slow path: non-ASCII bytes, entity references or whitespace to normalise. */
    private String decode(int i) {
        return values.intern(XmlEntities.attributeValue(new String(buf, valueStart[i], valueEnd[i] - valueStart[i], charset)));
    }

    private void endTag(Handler handler) throws IOException {
        String name = name();
        if (skipSpace() != '>') {
            throw malformed("expected '>' in </" + name + ">");
        }
        if (depth == 0 || !stack[depth - 1].equals(name)) {
            throw malformed("end tag </" + name + "> does not match " + (depth == 0 ? "any element" : "<" + stack[depth - 1] + ">"));
        }
        handler.end(name);
        depth--;
    }

    private void push(String name) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = name;
        rootSeen = true;
    }

    /** Comment, CDATA section, or a markup declaration (DOCTYPE, ENTITY, ...), which is refused. */
    private void bang() throws IOException {
        int c1 = next();
        int c2 = next();
        if (c1 == '-' && c2 == '-') {
            skipUntil("-->");
        } else if (c1 == '[' && c2 == 'C' && depth > 0 && next() == 'D' && next() == 'A' && next() == 'T' && next() == 'A'
                && next() == '[') {
            skipUntil("]]>");
        } else {
            throw new LogFormatException("XES at line " + line + " declares a DTD or entity; refused",
                    "mining.format.dtd", line);
        }
    }

    private void processingInstruction(boolean declaration) throws IOException {
        skipUntil("?>");
        if (declaration) {
            int start = mark + 2;
            String text = new String(buf, start, pos - 2 - start, StandardCharsets.ISO_8859_1);
            charset = XmlEncoding.declared(text, charset);
        }
    }

    private void skipUntil(String terminator) throws IOException {
        int matched = 0;
        int n = terminator.length();
        while (matched < n) {
            int c = next();
            if (c < 0) {
                throw malformed("unexpected end of input before " + terminator);
            }
            if (c == '\n') {
                line++;
            }
            if (c == terminator.charAt(matched)) {
                matched++;
            } else {
                matched = c == terminator.charAt(0) ? 1 : 0;
            }
        }
    }

    /** An element or attribute name, interned; ends at space, '=', '>', '/' or '?'. */
    private String name() throws IOException {
        int start = pos;
        while (true) {
            byte[] b = buf;
            int p = pos;
            int end = limit;
            int hash = 0;
            for (int k = start; k < p; k++) {
                hash = 31 * hash + b[k];
            }
            while (p < end) {
                byte c = b[p];
                if (NAME_END[c & 0xff]) {
                    pos = p;
                    if (p == start) {
                        throw malformed("expected a name");
                    }
                    return names.intern(b, start, p, hash);
                }
                hash = 31 * hash + c;
                p++;
            }
            pos = p;
            int before = pos - start;
            if (!fill()) {
                throw malformed("unexpected end of input in a name");
            }
            start = pos - before;
        }
    }

    private int skipSpace() throws IOException {
        while (true) {
            int c = next();
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return c;
            }
        }
    }

    private int next() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /**
     * Reads more input, first moving the bytes from {@link #mark} (or the position) to the front; grows
     * the buffer when one token fills it. Indices into the buffer are shifted accordingly.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keep = mark >= 0 ? Math.min(mark, pos) : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            pos -= keep;
            limit -= keep;
            if (mark >= 0) {
                mark -= keep;
            }
            for (int i = 0; i <= attributes; i++) {
                valueStart[i] -= keep;
                valueEnd[i] -= keep;
            }
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private LogFormatException malformed(String message) {
        return new LogFormatException("malformed XES at line " + line + ": " + message, "mining.format.malformed", line);
    }
}
