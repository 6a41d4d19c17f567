package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Puts the feedback box on the task page of every process (governed or not): the page includes
 * {@code governance/feedback :: box} when {@code governanceFeedback} is in the model.
 */
@Component
class FeedbackContributor implements CaseDetailContributor {

    /** What the feedback box needs: the case it is given from and the process it rates. */
    public record FeedbackBox(String caseId, String processKey, String processName) { }

    @Override
    public void contribute(CaseView caseView, Model model) {
        model.addAttribute("governanceFeedback", new FeedbackBox(caseView.id(), caseView.processKey(), caseView.processName()));
    }
}
