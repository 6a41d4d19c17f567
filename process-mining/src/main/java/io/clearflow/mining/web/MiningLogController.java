package io.clearflow.mining.web;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.ocel.OcelLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The logs of the mining API: import, list, summary and XES export. */
@RestController
@RequestMapping("/api/mining/logs")
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER','IT_MANAGER','COMPLIANCE')")
@Tag(name = MiningApiDocs.TAG, description = MiningApiDocs.TAG_DESCRIPTION)
class MiningLogController {

    private final LogFiles files;
    private final LogResolver resolver;

    MiningLogController(LogFiles files, LogResolver resolver) {
        this.files = files;
        this.resolver = resolver;
    }

    @Idempotent
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an XES, XES.gz or CSV event log; returns its id and summary",
            description = "CSV columns default to the XES names (case:concept:name, concept:name, time:timestamp, "
                    + "org:resource, org:group, org:role, lifecycle:transition, concept:instance); name others with the "
                    + "*Column parameters. skipInvalid skips events with an unusable timestamp and counts them. An OCEL 2.0 "
                    + "log (JSON or XML) is flattened on objectType (see POST object-types), as pm4py does. The case "
                    + "filters (from, to, activity, resource, department, variant, minDurationMs, maxDurationMs) import "
                    + "only the cases they keep: an XES log is filtered while it is read, so a slice of a log larger "
                    + "than clearflow.mining.max-events can be imported; the filter is kept for re-imports.")
    ResponseEntity<ImportedLog> upload(@RequestPart("file") MultipartFile file, @ParameterObject LogUpload upload,
                                       @ParameterObject LogParameters filter) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(files.importLog(file, upload, filter));
    }

    /** Offered before an OCEL upload, so the user can choose what a case is. Nothing is stored. */
    @PostMapping(value = "/object-types", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The object types of an OCEL 2.0 log (JSON or XML), with their objects and related events")
    List<OcelLog.ObjectType> objectTypes(@RequestPart("file") MultipartFile file) throws IOException {
        return files.objectTypes(file);
    }

    @GetMapping
    @Operation(summary = "The logs that can be mined: 'platform', the imported ones (newest first), the ingested ones")
    List<LogEntry> list() {
        return resolver.entries();
    }

    @GetMapping("/{id}/summary")
    @Operation(summary = "Cases, events, activities, first and last timestamp")
    LogSummary summary(@PathVariable String id, @ParameterObject LogParameters parameters) {
        return LogSummary.of(resolver.resolve(id, parameters));
    }

    @GetMapping(value = "/{id}/export.xes", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "The log or filtered slice as IEEE 1849 XES")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id, @ParameterObject LogParameters parameters) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".xes\"")
                .contentType(MediaType.APPLICATION_XML)
                .body(files.xes(id, parameters));
    }
}
