package io.clearflow.delivery.project;

import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The task and case pages of a project's milestone link to the project page, where the milestone is done. */
@Component
class ProjectCaseLink implements CaseDetailContributor {

    /** What the shell's task page reads: {@code moduleLink.path} and the bundle key {@code moduleLink.label}. */
    record ModuleLink(String path, String label) { }

    @Override
    public void contribute(CaseView caseView, Model model) {
        String key = caseView.businessKey();
        if (ProjectService.PROCESS_KEY.equals(caseView.processKey()) && key != null && key.matches("PRJ-\\d{1,18}")) {
            model.addAttribute("moduleLink", new ModuleLink("/delivery/projects/" + key.substring(4),
                    "delivery.project.openPage"));
        }
    }
}
