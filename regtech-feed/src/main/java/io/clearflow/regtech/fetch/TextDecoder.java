package io.clearflow.regtech.fetch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a fetched document into text with the encoding it declares. Order: a byte-order mark, the
 * source's configured encoding, the Content-Type charset, the XML declaration or HTML meta tag,
 * UTF-8. GB2312 and GBK are read as GB18030, their superset, because Chinese sites that declare
 * GB2312 routinely use characters outside it.
 */
public final class TextDecoder {

    private TextDecoder() { }

    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    public static String decode(byte[] body, String configured, String contentType) {
        int skip = 0;
        Charset charset = null;
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        if (charset == null) {
            charset = named(configured);
        }
        if (charset == null && contentType != null) {
            Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
            charset = m.find() ? named(m.group(1)) : null;
        }
        if (charset == null) {
            String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
            Matcher m = XML_ENCODING.matcher(head);
            if (m.find()) {
                charset = named(m.group(1));
            } else {
                Matcher meta = META_CHARSET.matcher(head);
                charset = meta.find() ? named(meta.group(1)) : null;
            }
        }
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        return new String(body, skip, body.length - skip, charset);
    }

    static Charset named(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("GB2312") || n.equals("GBK") || n.equals("X-GBK") || n.equals("CP936") || n.equals("EUC-CN")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
