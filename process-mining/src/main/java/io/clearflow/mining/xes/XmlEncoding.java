package io.clearflow.mining.xes;

import io.clearflow.mining.log.LogFormatException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encodings a XES file may have: UTF-8 by the standard (IEEE 1849); ISO-8859-1 and US-ASCII declarations are
 * honoured, UTF-16/32 and other declared encodings refused.
 */
final class XmlEncoding {

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private XmlEncoding() {
    }

    /** Refuses a document whose first bytes are a UTF-16 byte order mark or hold a zero byte (UTF-16 or -32). */
    static void refuseUtf16Or32(byte[] buf, int pos, int limit) {
        if (limit - pos >= 2 && ((buf[pos] == (byte) 0xFE && buf[pos + 1] == (byte) 0xFF)
                || (buf[pos] == (byte) 0xFF && buf[pos + 1] == (byte) 0xFE) || buf[pos] == 0 || buf[pos + 1] == 0)) {
            throw new LogFormatException("XES must be UTF-8 (IEEE 1849); this file is UTF-16 or UTF-32",
                    "mining.format.encoding");
        }
    }

    /**
     * The charset the XML declaration names, or {@code current} when it names none.
     *
     * @param declaration the text of the declaration between {@code <?} and {@code ?>}
     */
    static Charset declared(String declaration, Charset current) {
        Matcher m = ENCODING.matcher(declaration);
        if (!m.find()) {
            return current;
        }
        return switch (m.group(1).toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8", "US-ASCII", "ASCII" -> StandardCharsets.UTF_8;
            case "ISO-8859-1", "LATIN1", "ISO8859-1", "ISO_8859-1" -> StandardCharsets.ISO_8859_1;
            default -> throw new LogFormatException("XES must be UTF-8 (IEEE 1849); this file declares " + m.group(1),
                    "mining.format.encoding");
        };
    }
}
