package io.clearflow.delivery.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The reviewer recommendation for an audit's changed modules, for the API and the audit page. */
@Service
class ReviewerService {

    private final ReviewerRepository reviewers;
    private final ReviewRepository reviews;
    private final AuditService audits;
    private final FunctionNetworkService networks;

    /** The system's business areas and who owns each (the rule-based recommendation's table). */
    List<ReviewerRepository.Reviewer> areas(String system) {
        return reviewers.ofSystem(system);
    }

    ReviewerService(ReviewerRepository reviewers, ReviewRepository reviews, AuditService audits,
                    FunctionNetworkService networks) {
        this.reviewers = reviewers;
        this.reviews = reviews;
        this.audits = audits;
        this.networks = networks;
    }

    /** Per changed module of the audit's last package: the three methods' candidates, best first. */
    List<Map<String, Object>> recommend(long auditId) {
        Audit audit = audits.audit(auditId);
        List<AuditPackage> packages = audits.packages(auditId);
        Set<String> modules = new LinkedHashSet<>();
        if (!packages.isEmpty()) {
            audits.changedFiles(packages.get(packages.size() - 1).id()).forEach(f -> modules.add(f.module()));
        }
        var owners = reviewers.ofSystem(audit.system());
        var network = networks.network(audit.system());
        Instant now = Instant.now();
        return modules.stream().map(module -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("module", module);
            row.put("rule", ReviewerRecommendation.rule(module, owners));
            row.put("history", ReviewerRecommendation.history(reviews.ofModule(audit.system(), module), now));
            row.put("association", ReviewerRecommendation.association(module, owners, network));
            return row;
        }).toList();
    }

    List<ReviewRepository.Review> assigned(long auditId) {
        return reviews.ofAudit(auditId);
    }
}
