package io.clearflow.mining.web;

import io.clearflow.engine.api.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The process-mining pages (流程挖掘): the list of logs with the upload form. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER','IT_MANAGER','COMPLIANCE')")
class MiningLogsPageController {

    static final List<String> ROLES = List.of("ADMIN", "PROCESS_OWNER", "IT_MANAGER", "COMPLIANCE");

    private final LogResolver resolver;
    private final LogFiles files;

    MiningLogsPageController(LogResolver resolver, LogFiles files) {
        this.resolver = resolver;
        this.files = files;
    }

    @GetMapping("/mining")
    String logs(Model model) {
        model.addAttribute("imported", resolver.imported());
        model.addAttribute("ingested", resolver.ingestedIds());
        model.addAttribute("maxUpload", files.uploadLimit());
        return "mining/logs";
    }

    @PostMapping("/mining/upload")
    String upload(@RequestParam("file") MultipartFile file, @ModelAttribute LogUpload upload,
                  RedirectAttributes redirect) throws IOException {
        UploadOutcome outcome = files.importFromPage(file, upload);
        if (outcome.refused()) {
            redirect.addFlashAttribute("flashError", outcome.errorKey());
            if (outcome.args().length > 0) {
                redirect.addFlashAttribute("flashErrorArgs", outcome.args());
            }
            return "redirect:/mining";
        }
        redirect.addFlashAttribute("flash", "mining.upload.done");
        return "redirect:/mining/logs/" + outcome.logId();
    }

    /**
     * The same upload sent by the page's script (which shows progress): it answers where to go, or the
     * refusal in the reader's language for the page to show in place. Following a redirect inside the
     * script would consume the one-time message before the page could show it.
     */
    @PostMapping(value = "/mining/upload", headers = "X-Requested-With=XMLHttpRequest")
    @ResponseBody
    ResponseEntity<Map<String, String>> uploadFromScript(@RequestParam("file") MultipartFile file,
                                                         @ModelAttribute LogUpload upload, HttpServletRequest request,
                                                         HttpServletResponse response) throws IOException {
        UploadOutcome outcome = files.importFromPage(file, upload);
        if (outcome.refused()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("error", files.message(outcome)));
        }
        String location = request.getContextPath() + "/mining/logs/" + outcome.logId();
        // the page the script opens next says the log was imported
        RequestContextUtils.getOutputFlashMap(request).put("flash", "mining.upload.done");
        RequestContextUtils.saveOutputFlashMap(location, request, response);
        return ResponseEntity.ok(Map.of("location", location));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem miningNavigation() {
            return new NavigationItem("nav.mining", "/mining", 75, new ArrayList<>(ROLES), NavigationItem.GOVERNANCE);
        }
    }
}
