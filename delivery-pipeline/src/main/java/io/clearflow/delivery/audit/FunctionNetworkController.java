package io.clearflow.delivery.audit;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The function network over HTTP: import, analyses, a node's neighbourhood, what an audit's change reaches. */
@RestController
class FunctionNetworkController {

    private final FunctionNetworkService networks;
    private final AuditService audits;

    FunctionNetworkController(FunctionNetworkService networks, AuditService audits) {
        this.networks = networks;
        this.audits = audits;
    }

    @PostMapping("/api/delivery/function-networks/{system}")
    @PreAuthorize(AuditAccess.UPLOAD)
    ResponseEntity<Map<String, Object>> importCsv(@PathVariable String system,
                                                  @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("delivery.audit.error.file", Map.of("file", "delivery.audit.error.file"));
        }
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(201).body(networks.importCsv(system, in));
        }
    }

    @GetMapping("/api/delivery/function-networks/{system}")
    @PreAuthorize(DeliveryAccess.READ)
    Map<String, Object> metrics(@PathVariable String system) {
        FunctionNetwork.Metrics m = networks.metrics(system);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nodes", m.nodes());
        body.put("edges", m.edges());
        body.put("diameter", m.diameter());
        body.put("byKind", m.byKind());
        body.put("top", m.top());
        return body;
    }

    @GetMapping("/api/delivery/function-networks/{system}/nodes/{node}")
    @PreAuthorize(DeliveryAccess.READ)
    Map<String, Object> node(@PathVariable String system, @PathVariable String node, @RequestParam(defaultValue = "1") int depth) {
        FunctionNetwork network = networks.network(system);
        if (!network.contains(node)) {
            throw new NotFoundException("function", "?");
        }
        Map<String, Object> body = new LinkedHashMap<>(network.neighbourhood(node, Math.max(1, Math.min(depth, 3))));
        body.put("metrics", networks.metrics(system).all().get(node));
        body.put("reach", network.reach(List.of(node)));
        return body;
    }

    /**
     * Which functions an audit's last package reaches: changed files are matched to nodes by their name without
     * folder and extension (vendor sources are usually named after their function code).
     */
    @GetMapping("/api/delivery/audits/{id}/reach")
    @PreAuthorize(DeliveryAccess.READ)
    Map<String, Object> reach(@PathVariable long id) {
        Audit audit = audits.audit(id);
        List<AuditPackage> packages = audits.packages(id);
        Set<String> names = new LinkedHashSet<>();
        if (!packages.isEmpty()) {
            for (var f : audits.changedFiles(packages.get(packages.size() - 1).id())) {
                String file = Path.of(f.path()).getFileName().toString();
                names.add(file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file);
            }
        }
        return networks.network(audit.system()).reach(names);
    }
}
