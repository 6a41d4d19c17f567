package io.clearflow.demand.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.InvalidRequestException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The declared rules of the portal's input give the same bundle key per field as the hand-written checks
 * they replaced, and the checked values come back stripped. No Spring context: the plain Bean Validation
 * provider, as any caller gets it.
 */
class DemandInputRulesTest {

    static jakarta.validation.ValidatorFactory factory;
    static Validator validator;
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @BeforeAll
    static void open() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Map<String, String> errors(Runnable check) {
        InvalidRequestException e = catchThrowableOfType(check::run, InvalidRequestException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).isEqualTo("demand.error.invalid");
        return e.fieldErrors();
    }

    @Test
    void submissionRulesGiveOneKeyPerField() {
        NewDemand bad = new NewDemand("  ", "x".repeat(DemandInput.MAX_DESCRIPTION + 1), "NOPE", "a\u0001b", null, true,
                " ", TODAY.minusDays(1), new NewDemand.Origin("", "ref"));
        assertThat(errors(() -> DemandInput.checked(validator, bad, TODAY))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "title", "demand.error.required.title",
                "description", "demand.error.tooLong.description",
                "category", "demand.error.category",
                "businessValue", "demand.error.control",
                "urgency", "demand.error.urgency",
                "regulationRef", "demand.error.required.regulationRef",
                "expectedDate", "demand.error.expectedDate",
                "origin.type", "demand.error.required.origin.type"));
    }

    @Test
    void aGoodSubmissionComesBackStripped() {
        NewDemand good = new NewDemand(" 对账 ", " 说明\n第二行 ", "FEATURE", "  ", "NORMAL", false, " ", TODAY, null);
        NewDemand checked = DemandInput.checked(validator, good, TODAY);
        assertThat(checked.title()).isEqualTo("对账");
        assertThat(checked.description()).isEqualTo("说明\n第二行");
        assertThat(checked.businessValue()).isNull();
        assertThat(checked.regulationRef()).isNull();
    }

    @Test
    void evaluationTasksReasonsAndDays() {
        assertThat(errors(() -> DemandInput.checked(validator, new DemandInput.Evaluation(11, new BigDecimal("1.25"),
                "P5", " v 1 ")))).containsExactlyInAnyOrderEntriesOf(Map.of("valueScore", "demand.error.valueScore",
                "estimateDays", "demand.error.days", "priority", "demand.error.priority",
                "targetVersion", "demand.error.targetVersion"));
        assertThat(errors(() -> DemandInput.checked(validator, new DemandInput.Evaluation(null, null, null, null))))
                .containsEntry("estimateDays", "demand.error.required.estimateDays").hasSize(4);
        assertThat(DemandInput.checked(validator, new DemandInput.Evaluation(5, new BigDecimal("2.5"), "P1", " v2.0 "))
                .targetVersion()).isEqualTo("v2.0");

        assertThat(errors(() -> DemandInput.checked(validator, List.of(new DemandInput.NewTask("ok", null, null),
                new DemandInput.NewTask(" ", new BigDecimal("-1"), null))))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tasks[1].title", "demand.error.required.tasks.title", "tasks[1].estimateDays", "demand.error.days"));
        // too many rows: refused as a whole, the rows are not looked at
        List<DemandInput.NewTask> many = Collections.nCopies(DemandInput.MAX_TASKS + 1, new DemandInput.NewTask(" ", null, null));
        assertThat(errors(() -> DemandInput.checked(validator, many))).containsExactly(Map.entry("tasks", "demand.error.tasks"));
        assertThat(errors(() -> DemandInput.checked(validator, List.of()))).containsExactly(Map.entry("tasks", "demand.error.tasks"));

        assertThat(errors(() -> DemandInput.reason(validator, " ", true))).containsExactly(Map.entry("reason", "demand.error.required.reason"));
        assertThat(DemandInput.reason(validator, " ", false)).isNull();
        assertThat(DemandInput.reason(validator, " 理由 ", true)).isEqualTo("理由");
        assertThat(errors(() -> DemandInput.progress(validator, new BigDecimal("10000.5"))))
                .containsExactly(Map.entry("actualDays", "demand.error.days"));
    }
}
