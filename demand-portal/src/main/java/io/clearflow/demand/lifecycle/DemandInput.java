package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandCategory;
import io.clearflow.demand.api.DemandUrgency;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.DeclaredRules;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything people type into the demand portal, as records with their rules declared on them
 * ({@link DemandText}, {@link Days}, {@link OneOf}, {@link SubmissionValidator} for the rules that span
 * fields). Every message is a bundle key. The checks run in {@link DemandService}, the boundary that
 * pages, REST and other modules' calls share; a refusal is an
 * {@link io.clearflow.engine.api.InvalidRequestException} with one key per field.
 */
public final class DemandInput {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_VALUE = 2000;
    public static final int MAX_REFERENCE = 200;
    public static final int MAX_REASON = 2000;
    public static final int MAX_TASKS = 50;
    private static final String VERSION = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String INVALID = "demand.error.invalid";

    /** Evaluation of a demand: value score 1–10, workload in person-days, priority P1–P4, target version. */
    public record Evaluation(
            @NotNull(message = "demand.error.valueScore") @Min(value = 1, message = "demand.error.valueScore")
            @Max(value = 10, message = "demand.error.valueScore") Integer valueScore,
            @Days(name = "estimateDays") BigDecimal estimateDays,
            @NotNull(message = "demand.error.priority") @Pattern(regexp = "P[1-4]", message = "demand.error.priority")
            String priority,
            @Stripped(regexp = VERSION, message = "demand.error.targetVersion") String targetVersion) { }

    /** A development task to split a demand into. */
    public record NewTask(@DemandText(name = "tasks.title", max = MAX_TITLE) String title,
                          @Days(name = "tasks.estimateDays", required = false) BigDecimal estimateDays,
                          LocalDate dueDate) { }

    /** The tasks a demand is split into. */
    record Split(@NotNull(message = "demand.error.tasks") @Size(min = 1, max = MAX_TASKS, message = "demand.error.tasks")
                 List<@Valid NewTask> tasks) { }

    /** A demand as submitted, with the day it is submitted on (the expected date may not be before it). */
    @SubmissionValidator.Rules
    record Submission(@DemandText(name = "title", max = MAX_TITLE) String title,
                      @DemandText(name = "description", max = MAX_DESCRIPTION) String description,
                      @OneOf(value = DemandCategory.class, message = "demand.error.category") String category,
                      @DemandText(name = "businessValue", max = MAX_VALUE, required = false) String businessValue,
                      @OneOf(value = DemandUrgency.class, message = "demand.error.urgency") String urgency,
                      boolean regulatory,
                      @DemandText(name = "regulationRef", max = MAX_REFERENCE, required = false) String regulationRef,
                      LocalDate expectedDate,
                      @Valid Origin origin,
                      LocalDate today) {

        static Submission of(NewDemand d, LocalDate today) {
            return new Submission(d.title(), d.description(), d.category(), d.businessValue(), d.urgency(),
                    d.regulatory(), d.regulationRef(), d.expectedDate(),
                    d.origin() == null ? null : new Origin(d.origin().type(), d.origin().reference()), today);
        }
    }

    /** The record another module raised the demand from. */
    record Origin(@DemandText(name = "origin.type", max = 32) String type,
                  @DemandText(name = "origin.reference", max = 500) String reference) { }

    /** A reason that must be given (a refusal). */
    record RequiredReason(@DemandText(name = "reason", max = MAX_REASON) String reason) { }

    /** A reason that may be given (an approval). */
    record OptionalReason(@DemandText(name = "reason", max = MAX_REASON, required = false) String reason) { }

    /** Work reported on a task. */
    record Progress(@Days(name = "actualDays", required = false) BigDecimal actualDays) { }

    private DemandInput() {
    }

    /** The demand with its text stripped, blank optional text as {@code null}. */
    static NewDemand checked(Validator validator, NewDemand d, LocalDate today) {
        DeclaredRules.check(validator, Submission.of(d, today), INVALID);
        NewDemand.Origin origin = d.origin() == null ? null
                : new NewDemand.Origin(strip(d.origin().type()), strip(d.origin().reference()));
        String reference = strip(d.regulationRef());
        return new NewDemand(strip(d.title()), strip(d.description()), d.category(), strip(d.businessValue()),
                d.urgency(), d.regulatory(), reference, d.expectedDate(), origin);
    }

    static Evaluation checked(Validator validator, Evaluation e) {
        DeclaredRules.check(validator, e, INVALID);
        return new Evaluation(e.valueScore(), e.estimateDays(), e.priority(), e.targetVersion().strip());
    }

    /** Rows are checked only when their number is right: a refused list is refused as a whole. */
    static List<NewTask> checked(Validator validator, List<NewTask> tasks) {
        Split split = new Split(tasks);
        DeclaredRules.checkProperty(validator, split, "tasks", INVALID);
        DeclaredRules.check(validator, split, INVALID);
        return tasks.stream().map(t -> new NewTask(strip(t.title()), t.estimateDays(), t.dueDate())).toList();
    }

    static String reason(Validator validator, String reason, boolean required) {
        DeclaredRules.check(validator, required ? new RequiredReason(reason) : new OptionalReason(reason), INVALID);
        return strip(reason);
    }

    static void progress(Validator validator, BigDecimal actualDays) {
        DeclaredRules.check(validator, new Progress(actualDays), INVALID);
    }

    /** Stripped text; blank as {@code null}. */
    private static String strip(String value) {
        String v = value == null ? null : value.strip();
        return v == null || v.isEmpty() ? null : v;
    }
}
