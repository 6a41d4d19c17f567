package io.clearflow.regtech.item;

import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tracker over REST. */
@RestController
@RequestMapping("/api/regtech/items")
@Tag(name = "Regtech items", description = "Regulatory announcements: search, detail, CSV and Excel export")
class ItemController {

    private final ItemService items;
    private final ItemWorkbook workbook;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    ItemController(ItemService items, ItemWorkbook workbook, CurrentUser currentUser,
                   @Value("${clearflow.web.zone:Asia/Shanghai}") String zone) {
        this.items = items;
        this.workbook = workbook;
        this.currentUser = currentUser;
        this.zone = ZoneId.of(zone);
    }

    static ItemFilter filter(Long source, LocalDate from, LocalDate to, String jurisdiction, String organisation, String topic,
                             String status, String q, int page, int size) {
        return new ItemFilter(source, from, to, jurisdiction, organisation, topic, status, q, page, size);
    }

    @GetMapping
    @Operation(summary = "Announcements newest first: {items:[{id,title,link,publishedAt,topics,...}], total}; archived ones only with status=archived")
    ItemService.Page search(@RequestParam(required = false) Long source,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String organisation,
                            @RequestParam(required = false) String topic, @RequestParam(required = false) String status,
                            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        currentUser.get();
        return items.search(filter(source, from, to, jurisdiction, organisation, topic, status, q, page, size));
    }

    @GetMapping("/{id}")
    ItemService.Detail detail(@PathVariable long id) {
        currentUser.get();
        return items.detail(id);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The matches as CSV (UTF-8 with BOM for Excel), at most 10,000 rows")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Long source,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String organisation,
                               @RequestParam(required = false) String topic, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String q) {
        currentUser.get();
        String csv = items.csv(filter(source, from, to, jurisdiction, organisation, topic, status, q, 0, 1), zone);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"regtech-items.csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/export.xlsx", produces = XLSX)
    @Operation(summary = "The matches as an Excel workbook in the reader's language, at most 10,000 rows")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Long source,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String organisation,
                                @RequestParam(required = false) String topic, @RequestParam(required = false) String status,
                                @RequestParam(required = false) String q, Locale locale) {
        currentUser.get();
        byte[] book = workbook.xlsx(filter(source, from, to, jurisdiction, organisation, topic, status, q, 0, 1), zone, locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"regtech-items.xlsx\"")
                .body(book);
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
