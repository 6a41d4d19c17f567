package io.clearflow.engine.reference.selfservice;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The self-service process's automatic acceptance step ({@code flowable:delegateExpression=
 * "${declarationAutoCheck}"}): Java, not a script, so the rule is reviewed and tested like code.
 * Sets the routing fact {@code autoApproved}.
 */
@Component("declarationAutoCheck")
class DeclarationAutoCheck implements JavaDelegate {

    private final DeclarationService declarations;

    DeclarationAutoCheck(DeclarationService declarations) {
        this.declarations = declarations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("declarationId")).longValue();
        execution.setVariable("autoApproved", declarations.autoCheck(id));
    }
}
