package io.clearflow.delivery.web;

import io.clearflow.delivery.ArtifactTooLargeException;
import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.delivery.People;
import io.clearflow.delivery.artifact.Artifact;
import io.clearflow.delivery.artifact.ArtifactService;
import io.clearflow.delivery.deployment.DeploymentBoard;
import io.clearflow.delivery.deployment.DeploymentService;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.delivery.version.NewVersion;
import io.clearflow.delivery.version.VersionQueries;
import io.clearflow.delivery.version.VersionService;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.security.CurrentUser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Delivery pages: versions (list, detail with timeline, artifact upload), an artifact with its promotions, a
 * deployment with its output and rollback, and the deployment board. Each action is one service call; the
 * rules live in the services, refusals come back as the next page's message.
 */
@Controller
@PreAuthorize(DeliveryAccess.READ)
class DeliveryPageController {

    private final VersionService versions;
    private final VersionQueries queries;
    private final ArtifactService artifacts;
    private final DeploymentService deployments;
    private final DeploymentBoard board;
    private final SystemCatalog systems;
    private final CurrentUser currentUser;
    private final People people;
    private final Validator validator;

    DeliveryPageController(VersionService versions, VersionQueries queries, ArtifactService artifacts,
                           DeploymentService deployments, DeploymentBoard board, SystemCatalog systems,
                           CurrentUser currentUser, People people, Validator validator) {
        this.versions = versions;
        this.queries = queries;
        this.artifacts = artifacts;
        this.deployments = deployments;
        this.board = board;
        this.systems = systems;
        this.currentUser = currentUser;
        this.people = people;
        this.validator = validator;
    }

    @GetMapping("/delivery/versions")
    String versions(@RequestParam(required = false) String system, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", queries.list(system, page, 20));
        model.addAttribute("system", system);
        model.addAttribute("systems", systems.systems());
        model.addAttribute("canCreate", is(PlatformRole.DEVELOPER));
        return "delivery/versions";
    }

    @PostMapping("/delivery/versions")
    @PreAuthorize(DeliveryAccess.DEVELOP)
    String create(@RequestParam String system, @RequestParam String version,
                  @RequestParam(required = false) String demandIds, @RequestParam(required = false) String plannedDate,
                  RedirectAttributes redirect) {
        try {
            NewVersion input = new NewVersion(system, version, ids(demandIds), date(plannedDate));
            Set<ConstraintViolation<NewVersion>> violations = validator.validate(input);
            if (!violations.isEmpty()) {
                Map<String, String> errors = new LinkedHashMap<>();
                violations.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString().replaceAll("\\[.*", ""),
                        "delivery.error.field." + v.getPropertyPath().toString().replaceAll("\\[.*", "")));
                throw new InvalidRequestException("delivery.error.invalid", errors);
            }
            long id = versions.create(currentUser.get(), input);
            redirect.addFlashAttribute("flash", "delivery.flash.versionCreated");
            return "redirect:/delivery/versions/" + id;
        } catch (InvalidRequestException | ConflictException e) {
            Flash.error(redirect, e);
            return "redirect:/delivery/versions";
        }
    }

    @GetMapping("/delivery/versions/{id}")
    String version(@PathVariable long id, Model model) {
        model.addAttribute("v", queries.detail(id));
        model.addAttribute("canUpload", is(PlatformRole.DEVELOPER));
        return "delivery/version";
    }

    @PostMapping("/delivery/versions/{id}/artifacts")
    @PreAuthorize(DeliveryAccess.UPLOAD)
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) String name, RedirectAttributes redirect) throws IOException {
        String fileName = name == null || name.isBlank() ? file.getOriginalFilename() : name;
        try (InputStream in = file.getInputStream()) {
            ArtifactService.Outcome outcome = artifacts.upload(currentUser.get(), id, fileName, in, file.getSize());
            redirect.addFlashAttribute("flash", outcome.created() ? "delivery.flash.uploaded" : "delivery.flash.alreadyStored");
        } catch (InvalidRequestException | ConflictException e) {
            Flash.error(redirect, e);
        } catch (ArtifactTooLargeException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            redirect.addFlashAttribute("flashErrorArgs", new Object[] {e.limitBytes()});
        }
        return "redirect:/delivery/versions/" + id;
    }

    @GetMapping("/delivery/artifacts/{id}")
    String artifact(@PathVariable long id, Model model) {
        Artifact a = artifacts.require(id);
        model.addAttribute("a", a);
        model.addAttribute("uploadedBy", people.name(a.uploadedBy()));
        model.addAttribute("promotions", artifacts.promotions(id));
        return "delivery/artifact";
    }

    @GetMapping("/delivery/deployments/{id}")
    String deployment(@PathVariable long id, Model model) {
        var d = deployments.require(id);
        model.addAttribute("d", d);
        model.addAttribute("requestedBy", people.name(d.requestedBy()));
        model.addAttribute("rollbackTo", deployments.rollbackTarget(d).orElse(null));
        model.addAttribute("canRollBack", is(PlatformRole.OPS));
        return "delivery/deployment";
    }

    @PostMapping("/delivery/deployments/{id}/rollback")
    @PreAuthorize(DeliveryAccess.ROLLBACK)
    String rollback(@PathVariable long id, RedirectAttributes redirect) {
        try {
            long rollback = deployments.rollback(currentUser.get(), id);
            redirect.addFlashAttribute("flash", "delivery.flash.rollbackQueued");
            return "redirect:/delivery/deployments/" + rollback;
        } catch (ConflictException | InvalidRequestException e) {
            Flash.error(redirect, e);
            return "redirect:/delivery/deployments/" + id;
        }
    }

    @GetMapping("/delivery/board")
    String board(Model model) {
        model.addAttribute("rows", board.board());
        Member me = currentUser.get();
        boolean ops = me.hasRole(PlatformRole.OPS) || me.hasRole(PlatformRole.ADMIN);
        model.addAttribute("deployableEnvironments", ops ? List.of("dev", "test", "staging")
                : me.hasRole(PlatformRole.DEVELOPER) ? List.of("dev", "test") : List.of());
        return "delivery/board";
    }

    @PostMapping("/delivery/board/deploy")
    @PreAuthorize(DeliveryAccess.DEPLOY_DIRECT)
    String deploy(@RequestParam long artifactId, @RequestParam String environment, RedirectAttributes redirect) {
        try {
            long id = deployments.deployDirectly(currentUser.get(), artifactId, environment);
            redirect.addFlashAttribute("flash", "delivery.flash.deploymentQueued");
            redirect.addFlashAttribute("deploymentId", id);
        } catch (ConflictException | InvalidRequestException e) {
            Flash.error(redirect, e);
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("flashError", "delivery.error.deployNotAllowed");
        }
        return "redirect:/delivery/board";
    }

    private boolean is(PlatformRole role) {
        Member me = currentUser.get();
        return me.hasRole(role) || me.hasRole(PlatformRole.ADMIN);
    }

    private static List<Long> ids(String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split("[,，\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("delivery.error.field.demandIds",
                        Map.of("demandIds", "delivery.error.field.demandIds"));
            }
        }
        return ids;
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("delivery.error.field.plannedDate",
                    Map.of("plannedDate", "delivery.error.field.plannedDate"));
        }
    }
}
