package io.clearflow.delivery.audit;

import io.clearflow.delivery.People;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The review report for archiving (seed §(d) "review report": reviewers' opinions, version notes, change notes
 * per module, findings and their disposition), as a Word document written with Apache POI, in the reader's
 * language.
 */
@Component
class AuditReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final AuditService audits;
    private final MessageSource messages;
    private final People people;

    AuditReport(AuditService audits, MessageSource messages, People people) {
        this.audits = audits;
        this.messages = messages;
        this.people = people;
    }

    byte[] docx(long auditId, Locale locale) {
        Audit audit = audits.audit(auditId);
        List<AuditPackage> packages = audits.packages(auditId);
        List<Finding> findings = audits.findings(auditId);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(18);
            run.setText(text("delivery.audit.report.title", locale, audit.system(), audit.version()));

            heading(doc, text("delivery.audit.report.version", locale));
            table(doc, List.of(
                    List.of(text("delivery.audit.field.system", locale), audit.system()),
                    List.of(text("delivery.audit.field.version", locale), audit.version()),
                    List.of(text("delivery.audit.field.state", locale), text("delivery.audit.state." + audit.state(), locale)),
                    List.of(text("delivery.audit.field.createdBy", locale), name(audit.createdBy()) + " · " + WHEN.format(audit.createdAt())),
                    List.of(text("delivery.audit.field.completedBy", locale), audit.completedBy() == null ? "—"
                            : name(audit.completedBy()) + " · " + WHEN.format(audit.completedAt()))));

            heading(doc, text("delivery.audit.report.opinion", locale));
            paragraph(doc, audit.opinion() == null || audit.opinion().isBlank() ? "—" : audit.opinion());

            heading(doc, text("delivery.audit.report.changes", locale));
            for (AuditPackage p : packages) {
                paragraph(doc, text("delivery.audit.report.package", locale, p.label(), p.fileCount(), p.changedFiles(),
                        p.changedLines()));
                Map<String, int[]> byModule = new TreeMap<>();
                for (var f : audits.changedFiles(p.id())) {
                    int[] counts = byModule.computeIfAbsent(f.module(), m -> new int[3]);
                    counts[0]++;
                    counts[1] += f.added();
                    counts[2] += f.removed();
                }
                List<List<String>> rows = new java.util.ArrayList<>();
                rows.add(List.of(text("delivery.audit.field.module", locale), text("delivery.audit.field.files", locale),
                        text("delivery.audit.field.added", locale), text("delivery.audit.field.removed", locale)));
                byModule.forEach((module, c) -> rows.add(List.of(module, String.valueOf(c[0]), String.valueOf(c[1]),
                        String.valueOf(c[2]))));
                table(doc, rows);
                List<ReviewUnits.Unit> units = audits.units(p);
                paragraph(doc, text("delivery.audit.report.units", locale, units.size(),
                        units.stream().mapToInt(ReviewUnits.Unit::minutes).sum()));
            }

            heading(doc, text("delivery.audit.report.findings", locale));
            List<List<String>> rows = new java.util.ArrayList<>();
            rows.add(List.of(text("delivery.audit.field.level", locale), text("delivery.audit.field.rule", locale),
                    text("delivery.audit.field.location", locale), text("delivery.audit.field.message", locale),
                    text("delivery.audit.field.disposition", locale)));
            for (Finding f : findings) {
                rows.add(List.of(f.level(), f.ruleId() == null ? "—" : f.ruleId(),
                        (f.path() == null ? "—" : f.path()) + (f.startLine() == null ? "" : ":" + f.startLine()),
                        f.message() == null ? "" : f.message(), disposition(f, locale)));
            }
            if (findings.isEmpty()) {
                paragraph(doc, text("delivery.audit.report.noFindings", locale));
            } else {
                table(doc, rows);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String disposition(Finding f, Locale locale) {
        if (f.filterReason() != null) {
            return text("delivery.audit.disposition.filtered", locale, f.filterReason(), name(f.filterAuthor()));
        }
        if (f.suppression() != null) {
            return text("delivery.audit.disposition.suppressed", locale, f.suppression());
        }
        return text(f.blocking() ? "delivery.audit.disposition.blocking" : "delivery.audit.disposition.open", locale);
    }

    private String name(String userId) {
        return userId == null ? "—" : people.name(userId);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(14);
        run.setText(text);
    }

    private static void paragraph(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static void table(XWPFDocument doc, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                table.getRow(r).getCell(c).setText(rows.get(r).get(c));
            }
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
