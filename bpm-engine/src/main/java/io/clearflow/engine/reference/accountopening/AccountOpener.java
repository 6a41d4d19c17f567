package io.clearflow.engine.reference.accountopening;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service task 开立账户: writes the account record, idempotent per application. */
@Component("accountOpeningOpener")
class AccountOpener implements JavaDelegate {

    private final AccountOpeningService service;

    AccountOpener(AccountOpeningService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Number applicationId = (Number) execution.getVariable("applicationId");
        execution.setVariable("accountNo", service.open(applicationId.longValue()));
    }
}
