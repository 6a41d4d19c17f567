package io.clearflow.delivery.stress.report;

import io.clearflow.delivery.stress.StressTestService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;

/**
 * The stress-test report as Word (.docx) for archiving: {@link StressReportContent}'s blocks laid out with Apache POI.
 * Charts are left to the PDF and the page (a Word chart would need an embedded workbook for little gain).
 */
@Component
public class StressReportDocx {

    private final StressReportContent content;

    StressReportDocx(StressReportContent content) {
        this.content = content;
    }

    public byte[] render(StressTestService.Detail detail, Locale locale) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (StressReportContent.Block block : content.blocks(detail, locale)) {
                if (block instanceof StressReportContent.Title t) {
                    title(doc, t.text());
                } else if (block instanceof StressReportContent.Heading h) {
                    heading(doc, h.text());
                } else if (block instanceof StressReportContent.Text t) {
                    text(doc, t.text());
                } else if (block instanceof StressReportContent.Table t) {
                    table(doc, t.rows());
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void title(XWPFDocument doc, String text) {
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = title.createRun();
        run.setBold(true);
        run.setFontSize(18);
        run.setText(text);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(14);
        run.setText(text);
    }

    private static void text(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }

    private static void table(XWPFDocument doc, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                row.getCell(c).setText(rows.get(r).get(c));
            }
        }
    }
}
