package io.clearflow.engine.eventlog;

import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/events")
@Tag(name = "Event log", description = "The platform event log: every process, activity, task and job lifecycle change")
class EventLogController {

    private final EventLogService service;
    private final CurrentUser currentUser;

    EventLogController(EventLogService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Query the event log, in log order, with paging and filters")
    EventLogService.EventPage events(EventLogParameters parameters,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        return service.find(currentUser.get(), parameters.filter(), page, size);
    }

    @GetMapping(value = "/export.xes", produces = "application/xml")
    @Operation(summary = "Export a filtered slice of the event log as IEEE 1849 XES (streamed)")
    ResponseEntity<StreamingResponseBody> exportXes(EventLogParameters parameters) {
        var reader = currentUser.get();
        var filter = parameters.filter();
        service.visibleSlice(reader, filter); // refuse before the response starts streaming
        StreamingResponseBody body = out -> {
            try {
                service.exportXes(reader, filter, out);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new java.io.IOException(e);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clearflow-events.xes\"")
                .contentType(MediaType.APPLICATION_XML)
                .body(body);
    }

    /** Query parameters of both endpoints; times are ISO-8601 instants. */
    record EventLogParameters(String caseId, String processKey, String department, String resource, String activityId,
                              String lifecycle, String scope,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        EventLogFilter filter() {
            return new EventLogFilter(caseId, processKey, department, resource, activityId, lifecycle, scope, from, to);
        }
    }
}
