package io.clearflow.delivery.stress;

import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The task and case pages of a stress test's step link to its page, where the step is done (the process is module-owned). */
@Component
class StressCaseLink implements CaseDetailContributor {

    /** What the shell's task page reads: {@code moduleLink.path} and the bundle key {@code moduleLink.label}. */
    record ModuleLink(String path, String label) { }

    @Override
    public void contribute(CaseView caseView, Model model) {
        String key = caseView.businessKey();
        if (StressTestService.PROCESS_KEY.equals(caseView.processKey()) && key != null && key.startsWith("ST-")
                && key.substring(3).chars().allMatch(Character::isDigit) && key.length() > 3) {
            model.addAttribute("moduleLink", new ModuleLink(StressTestService.link(Long.parseLong(key.substring(3))),
                    "delivery.stress.openPage"));
        }
    }
}
