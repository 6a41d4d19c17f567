package io.clearflow.reconciliation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Statements as text-layer PDFs with English labels (a standard font, so no CJK font is needed here). */
public final class DemoStatements {

    private DemoStatements() { }

    public static byte[] bank(String account, String date, String opening, String closing, String... txLines) {
        return pdf(bankLines(account, date, opening, closing, txLines));
    }

    public static byte[] clearing(String participant, String date, String security, String quantity, String gross,
                                  String fees, String net) {
        return pdf("DEMO CLEARING  Settlement Statement", "Participant Code: " + participant, "Settlement Date: " + date,
                "Security Code: " + security, "Quantity: " + quantity, "Gross Amount: " + gross, "Fees: " + fees,
                "Net Settlement Amount: " + net);
    }

    /** The same lines as a 300 dpi scan (PNG), for the OCR path. */
    public static byte[] scan(String... lines) {
        var page = new java.awt.image.BufferedImage(2480, 3508, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        var g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 46));
        int y = 260;
        for (String line : lines) {
            g.drawString(line, 200, y);
            y += 92;
        }
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(page, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String[] bankLines(String account, String date, String opening, String closing, String... txLines) {
        String[] lines = new String[5 + txLines.length];
        lines[0] = "DEMO BANK  Account Statement";
        lines[1] = "Account No.: " + account;
        lines[2] = "Statement Date: " + date;
        lines[3] = "Opening Balance: " + opening;
        System.arraycopy(txLines, 0, lines, 4, txLines.length);
        lines[lines.length - 1] = "Closing Balance: " + closing;
        return lines;
    }

    public static byte[] pdf(String... lines) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 780;
                for (String line : lines) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(50, y);
                    cs.showText(line);
                    cs.endText();
                    y -= 22;
                }
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
