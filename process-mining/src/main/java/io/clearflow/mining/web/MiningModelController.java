package io.clearflow.mining.web;

import io.clearflow.mining.conformance.ConformanceReport;
import io.clearflow.mining.discovery.DesignDraftOffering;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Models and logs: discovery, offering the discovered model to governance, conformance checking. */
@RestController
@RequestMapping("/api/mining/logs/{id}")
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER','IT_MANAGER','COMPLIANCE')")
@Tag(name = MiningApiDocs.TAG, description = MiningApiDocs.TAG_DESCRIPTION)
class MiningModelController {

    private final DiscoveredModels models;
    private final LogConformance conformance;

    MiningModelController(DiscoveredModels models, LogConformance conformance) {
        this.models = models;
        this.conformance = conformance;
    }

    @PostMapping(value = "/discover", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Discover a sound model (inductive miner, infrequent: IMf) as BPMN 2.0 with diagram",
            description = "noise 0..1 (default clearflow.mining.discovery.default-noise, 0.2): edges rarer than noise "
                    + "times the strongest edge leaving the same activity are ignored when no cut fits; 0 gives a model "
                    + "that replays every case. User tasks are offered to clearflow.mining.discovery.candidate-group. "
                    + "The model deploys on the engine as is.")
    ResponseEntity<byte[]> discover(@PathVariable String id, @ParameterObject LogParameters parameters,
                                    @RequestParam(required = false) Double noise,
                                    @RequestParam(required = false) String name) {
        var model = models.discover(id, parameters, noise, name);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, model.attachment())
                .contentType(MediaType.APPLICATION_XML)
                .body(model.bpmn());
    }

    @PostMapping("/discover/offer")
    @PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER')")
    @Operation(summary = "Discover a model and offer it to a governance scenario as a design draft",
            description = "The scenario's owner adopts or ignores the draft in the governance catalog; nothing is "
                    + "published. Same noise and filters as /discover.")
    ResponseEntity<DesignDraftOffering.DraftOffer> offer(@PathVariable String id, @ParameterObject LogParameters parameters,
                                                        @RequestParam String scenarioId,
                                                        @RequestParam(required = false) Double noise) {
        return ResponseEntity.status(HttpStatus.CREATED).body(models.offer(id, parameters, scenarioId, noise));
    }

    @PostMapping(value = "/conformance", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.ALL_VALUE})
    @Operation(summary = "Token-based replay and optimal alignments of the log on a BPMN model: fitness overall and per "
            + "case, deviations",
            description = "One of a multipart part 'model' (BPMN 2.0 XML), the parameter modelProcessKey (the latest "
                    + "deployed version of that process) or discoveredNoise (the model IMf discovers from this log). "
                    + "Token replay fitness = 1/2(1-missing/consumed) + 1/2(1-remaining/produced) as in pm4py; 'alignments' "
                    + "holds pm4py's alignment-based fitness (standard costs) with log and model moves per case. Tasks, start/end/intermediate events, exclusive and parallel gateways are supported; "
                    + "other elements are refused with a 400 naming them. DTDs/external entities are refused.")
    ConformanceReport conformance(@PathVariable String id, @ParameterObject LogParameters parameters,
                                  @RequestPart(name = "model", required = false) MultipartFile model,
                                  @RequestParam(required = false) String modelProcessKey,
                                  @RequestParam(required = false) Double discoveredNoise) throws IOException {
        return conformance.check(id, parameters, model, modelProcessKey, discoveredNoise);
    }
}
