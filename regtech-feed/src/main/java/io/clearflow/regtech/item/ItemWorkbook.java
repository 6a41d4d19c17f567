package io.clearflow.regtech.item;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The tracker's matches as an Excel workbook in the reader's language: headers, topics and states as the pages name
 * them, the publication time as a real date cell. Written row by row (SXSSF keeps 100 rows in memory), and every value
 * is a string or date cell, so a title starting with {@code =} stays text and never becomes a formula.
 */
@Component
class ItemWorkbook {

    static final String[] COLUMNS = {"regtech.item.published", "regtech.filter.jurisdiction", "regtech.item.organisation",
            "regtech.item.title", "regtech.item.topics", "regtech.item.status", "regtech.export.link"};

    private final ItemService items;
    private final MessageSource messages;

    ItemWorkbook(ItemService items, MessageSource messages) {
        this.items = items;
        this.messages = messages;
    }

    byte[] xlsx(ItemFilter filter, ZoneId zone, Locale locale) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("regtech.tracker.title", null, locale));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.length; c++) {
                header.createCell(c).setCellValue(messages.getMessage(COLUMNS[c], null, locale));
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            items.forEachMatch(filter, item -> {
                Row row = sheet.createRow(next[0]++);
                if (item.publishedAt() != null) {
                    var cell = row.createCell(0);
                    cell.setCellValue(item.publishedAt().atZone(zone).toLocalDateTime());
                    cell.setCellStyle(date);
                }
                row.createCell(1).setCellValue(nullToEmpty(item.jurisdiction()));
                row.createCell(2).setCellValue(nullToEmpty(item.organisation()));
                row.createCell(3).setCellValue(nullToEmpty(item.title()));
                row.createCell(4).setCellValue(item.topics().stream()
                        .map(t -> messages.getMessage("regtech.topic." + t, null, t, locale))
                        .collect(Collectors.joining(Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "、" : ", ")));
                row.createCell(5).setCellValue(messages.getMessage("regtech.status." + item.status(), null, item.status(), locale));
                row.createCell(6).setCellValue(nullToEmpty(item.link()));
            });
            sheet.setColumnWidth(0, 18 * 256);
            sheet.setColumnWidth(3, 80 * 256);
            sheet.setColumnWidth(6, 60 * 256);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
