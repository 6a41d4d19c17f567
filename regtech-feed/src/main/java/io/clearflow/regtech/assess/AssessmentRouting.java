package io.clearflow.regtech.assess;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Read by the regtechAssessment process: who assesses and until when, from the assessment record
 * (process variables carry only the assessment id).
 */
@Component("regtechAssessmentRouting")
public class AssessmentRouting {

    private final AssessmentRepository assessments;

    public AssessmentRouting(AssessmentRepository assessments) {
        this.assessments = assessments;
    }

    private Assessment of(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("assessmentId")).longValue();
        return assessments.find(id).orElseThrow(() -> new IllegalStateException("no assessment " + id));
    }

    public List<String> departments(DelegateExecution execution) {
        return of(execution).departments();
    }

    public Date deadline(DelegateExecution execution) {
        var d = of(execution).deadline();
        return d == null ? null : Date.from(d.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
