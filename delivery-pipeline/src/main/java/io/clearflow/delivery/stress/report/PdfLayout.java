package io.clearflow.delivery.stress.report;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A flowing A4 layout over PDFBox: headings, wrapped paragraphs, tables with wrapped cells and line charts, new pages
 * as needed. PDFBox draws only at coordinates; this keeps the cursor. Text goes through {@link #safe} because a font
 * without a glyph for a character makes PDFBox throw, and a report must not fail on one odd character in a comment.
 */
final class PdfLayout implements Closeable {

    static final float MARGIN = 48;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BODY = 9.5f;

    private final PDDocument doc;
    private final PDFont font;
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    PdfLayout(PDDocument doc, PDFont font) throws IOException {
        this.doc = doc;
        this.font = font;
        newPage();
    }

    void title(String text) throws IOException {
        for (String line : wrap(text, 16, WIDTH)) {
            need(24);
            write(line, 16, MARGIN, y - 16, Color.BLACK);
            y -= 22;
        }
        y -= 6;
    }

    void heading(String text) throws IOException {
        need(40);
        y -= 8;
        write(text, 12.5f, MARGIN, y - 12.5f, new Color(0x1f, 0x3a, 0x5f));
        y -= 18;
    }

    void paragraph(String text) throws IOException {
        for (String line : wrap(text, BODY, WIDTH)) {
            need(BODY + 4);
            write(line, BODY, MARGIN, y - BODY, Color.BLACK);
            y -= BODY + 4;
        }
        y -= 4;
    }

    /** A table over the full width, columns in proportion to {@code weights}; the first row is the header. */
    void table(List<List<String>> rows, float... weights) throws IOException {
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = WIDTH * weights[i] / total;
        }
        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < widths.length; c++) {
                String cell = c < rows.get(r).size() ? rows.get(r).get(c) : "";
                List<String> wrapped = wrap(cell, BODY, widths[c] - 6);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = lines * (BODY + 3) + 5;
            need(height);
            if (r == 0) {
                content.setNonStrokingColor(new Color(0xe8, 0xee, 0xf4));
                content.addRect(MARGIN, y - height, WIDTH, height);
                content.fill();
            }
            float x = MARGIN;
            content.setStrokingColor(Color.GRAY);
            content.setLineWidth(0.4f);
            for (int c = 0; c < widths.length; c++) {
                content.addRect(x, y - height, widths[c], height);
                content.stroke();
                float ty = y - 3 - BODY;
                for (String line : cells.get(c)) {
                    write(line, BODY, x + 3, ty, Color.BLACK);
                    ty -= BODY + 3;
                }
                x += widths[c];
            }
            y -= height;
        }
        y -= 8;
    }

    /**
     * A line chart of one or two series over the same x (seconds from the start): the first on the left axis, the
     * second scaled to its own maximum on the right, each axis labelled with its maximum.
     */
    void chart(String caption, String firstName, double[] first, String secondName, double[] second, double spanSeconds)
            throws IOException {
        float height = 130;
        need(height + 34);
        write(caption, BODY, MARGIN, y - BODY, Color.DARK_GRAY);
        y -= BODY + 6;
        float left = MARGIN + 36, right = MARGIN + WIDTH - 36, top = y, bottom = y - height;
        content.setStrokingColor(Color.GRAY);
        content.setLineWidth(0.5f);
        content.addRect(left, bottom, right - left, height);
        content.stroke();
        // a tenth of headroom above the highest point: a constant rate would otherwise run along the frame and vanish
        double max1 = max(first) * 1.1, max2 = max(second) * 1.1;
        series(first, max1, left, right, bottom, height, new Color(0x2b, 0x6c, 0xb0));
        series(second, max2, left, right, bottom, height, new Color(0xd9, 0x73, 0x1a));
        write(num(max1), 7, MARGIN, top - 7, new Color(0x2b, 0x6c, 0xb0));
        write("0", 7, left - 8, bottom, Color.GRAY);
        write(num(max2), 7, right + 3, top - 7, new Color(0xd9, 0x73, 0x1a));
        write("0 s", 7, left, bottom - 9, Color.GRAY);
        String span = num(spanSeconds) + " s";
        write(span, 7, right - width(span, 7), bottom - 9, Color.GRAY);
        y = bottom - 12;
        write("— " + firstName, 7.5f, left, y - 7.5f, new Color(0x2b, 0x6c, 0xb0));
        write("— " + secondName, 7.5f, left + WIDTH / 2, y - 7.5f, new Color(0xd9, 0x73, 0x1a));
        y -= 18;
    }

    private void series(double[] values, double max, float left, float right, float bottom, float height, Color color)
            throws IOException {
        if (values.length < 2 || max <= 0) {
            return;
        }
        content.setStrokingColor(color);
        content.setLineWidth(0.8f);
        for (int i = 0; i < values.length; i++) {
            float px = left + (right - left) * i / (values.length - 1);
            float py = bottom + (float) (height * values[i] / max);
            if (i == 0) {
                content.moveTo(px, py);
            } else {
                content.lineTo(px, py);
            }
        }
        content.stroke();
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static String num(double v) {
        return v >= 100 ? String.valueOf(Math.round(v)) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        content = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void write(String text, float size, float x, float baseline, Color color) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setNonStrokingColor(color);
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(text);
        content.endText();
    }

    /** Lines of at most {@code width}: break at spaces in Latin text, anywhere between CJK characters. */
    List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : safe(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                i += Character.charCount(cp);
                line.appendCodePoint(cp);
                if (cp == ' ') {
                    lastSpace = line.length() - 1;
                }
                if (width(line.toString(), size) > width && line.length() > 1) {
                    int cut = lastSpace > 0 ? lastSpace : line.length() - Character.charCount(cp);
                    lines.add(line.substring(0, cut).stripTrailing());
                    String rest = line.substring(cut).stripLeading();
                    line.setLength(0);
                    line.append(rest);
                    lastSpace = -1;
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with tabs as spaces, other control characters dropped and characters the font lacks as '?'. */
    String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        s.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(encodable.computeIfAbsent(cp, this::canEncode) ? cp : '?');
            }
        });
        return out.toString();
    }

    private boolean canEncode(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
