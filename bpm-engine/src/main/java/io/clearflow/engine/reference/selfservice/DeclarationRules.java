package io.clearflow.engine.reference.selfservice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a declaration that passed its field checks is accepted without anyone's hand: the security
 * is open for declarations, the declaration date lies inside its window, and the amount is at most
 * {@code clearflow.selfservice.auto-approve-limit}. Anything else goes to 登记托管部 for review,
 * with the reasons recorded.
 */
@Component
public class DeclarationRules {

    /** Why a declaration needs a person. */
    public enum Reason { UNKNOWN_SECURITY, OUTSIDE_WINDOW, OVER_LIMIT }

    /** A security open for declarations, and its window. */
    public record Security(String code, String name, LocalDate windowStart, LocalDate windowEnd) { }

    private final DeclarationSecurityRepository securities;
    private final BigDecimal autoApproveLimit;

    DeclarationRules(DeclarationSecurityRepository securities,
                     @Value("${clearflow.selfservice.auto-approve-limit:1000000}") BigDecimal autoApproveLimit) {
        this.securities = securities;
        this.autoApproveLimit = autoApproveLimit;
    }

    public BigDecimal autoApproveLimit() {
        return autoApproveLimit;
    }

    public List<Security> securities() {
        return securities.all();
    }

    Optional<Security> security(String code) {
        return securities().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The reasons a person must look at it; empty when it can be accepted automatically. */
    List<Reason> reviewReasons(String securityCode, LocalDate declareDate, BigDecimal amount) {
        List<Reason> reasons = new ArrayList<>();
        Optional<Security> security = security(securityCode);
        if (security.isEmpty()) {
            reasons.add(Reason.UNKNOWN_SECURITY);
        } else if (declareDate.isBefore(security.get().windowStart()) || declareDate.isAfter(security.get().windowEnd())) {
            reasons.add(Reason.OUTSIDE_WINDOW);
        }
        if (amount.compareTo(autoApproveLimit) > 0) {
            reasons.add(Reason.OVER_LIMIT);
        }
        return reasons;
    }
}
