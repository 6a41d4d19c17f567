package io.clearflow.mining.web;

import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of one log (流程挖掘): its analyses, conformance, and the model discovered from it. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER','IT_MANAGER','COMPLIANCE')")
class MiningLogPageController {

    private final LogPage page;
    private final LogConformance conformance;
    private final DiscoveredModels models;

    MiningLogPageController(LogPage page, LogConformance conformance, DiscoveredModels models) {
        this.page = page;
        this.conformance = conformance;
        this.models = models;
    }

    /** {@code calendar} = working | wall switches the durations to working time and back (default: the setting). */
    @GetMapping("/mining/logs/{id}")
    String log(@PathVariable String id, @RequestParam(required = false) String processKey,
               @RequestParam(required = false) String calendar, @RequestParam(required = false) String segmentSource,
               @RequestParam(required = false) String segmentTarget, Model model) {
        model.addAllAttributes(page.attributes(id, processKey, calendar, segmentSource, segmentTarget));
        return "mining/log";
    }

    @PostMapping("/mining/logs/{id}/offer")
    @PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER')")
    String offer(@PathVariable String id, @RequestParam String scenarioId, @RequestParam(required = false) Double noise,
                 @RequestParam(required = false) String processKey, RedirectAttributes redirect) {
        models.offer(id, LogParameters.ofProcess(processKey), scenarioId, noise);
        redirect.addFlashAttribute("flash", "mining.offer.done");
        if (LogUpload.blank(processKey) != null) {
            redirect.addAttribute("processKey", processKey.strip());
        }
        return "redirect:/mining/logs/" + id;
    }

    @PostMapping("/mining/logs/{id}/conformance")
    String conformance(@PathVariable String id, @RequestParam("model") MultipartFile modelFile,
                       @RequestParam(required = false) String processKey, Model model) throws IOException {
        model.addAllAttributes(conformance.checkUploaded(id, processKey, modelFile));
        return log(id, processKey, null, null, null, model);
    }

    /** Token replay and alignments of the log on the model discovered from it (IMf, default noise). */
    @PostMapping("/mining/logs/{id}/conformance/discovered")
    String conformanceDiscovered(@PathVariable String id, @RequestParam(required = false) String processKey,
                                 Model model) {
        model.addAttribute("conformance", conformance.checkDiscovered(id, processKey));
        return log(id, processKey, null, null, null, model);
    }

    @GetMapping("/mining/logs/{id}/model.bpmn")
    ResponseEntity<byte[]> model(@PathVariable String id, @RequestParam(required = false) Double noise,
                                 @RequestParam(required = false) String processKey) {
        var discovered = models.discover(id, LogParameters.ofProcess(processKey), noise, null);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, discovered.attachment())
                .contentType(MediaType.APPLICATION_XML)
                .body(discovered.bpmn());
    }

    /** The discovered model drawn as the catalog draws designs, to look at before downloading or offering it. */
    @GetMapping(value = "/mining/logs/{id}/model.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> modelPreview(@PathVariable String id, @RequestParam(required = false) Double noise,
                                        @RequestParam(required = false) String processKey) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(models.preview(id, LogParameters.ofProcess(processKey), noise));
    }
}
