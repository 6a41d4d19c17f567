package io.clearflow.testmetrics.maturity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An assessor's questionnaire: the subject (a system's code or a team's name), the target level, and an answer
 * for each indicator the platform cannot score: the level whose criterion the subject meets, the justification,
 * and a link to the evidence (a file may be attached beside it). Messages are bundle keys.
 */
public record AssessmentInput(
        @NotNull(message = "{tm.assess.error.kind}") SubjectKind kind,
        @NotBlank(message = "{tm.assess.error.subject}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "{tm.assess.error.subject}") String subject,
        @NotNull(message = "{tm.assess.error.target}") @Min(value = 1, message = "{tm.assess.error.target}")
        @Max(value = 5, message = "{tm.assess.error.target}") Integer targetLevel,
        @Size(max = 2000, message = "{tm.assess.error.note}") String note,
        @Size(max = 12, message = "{tm.assess.error.answers}")
        List<@NotNull(message = "{tm.assess.error.answers}") @Valid Answer> answers) {

    /** Who is assessed: a system (evidence from the platform plus answers) or a team (answers only). */
    public enum SubjectKind { SYSTEM, TEAM }

    public record Answer(
            @NotBlank(message = "{tm.assess.error.indicator}") String indicator,
            @Min(value = 1, message = "{tm.assess.error.level}") @Max(value = 5, message = "{tm.assess.error.level}") Integer level,
            @Size(max = 2000, message = "{tm.assess.error.text}") String text,
            @Size(max = 1000, message = "{tm.assess.error.link}")
            @Pattern(regexp = "https?://[^\\s<>\"']+", message = "{tm.assess.error.link}") String link) {

        public Answer {
            indicator = indicator == null ? null : indicator.strip();
            text = text == null || text.isBlank() ? null : text.strip();
            link = link == null || link.isBlank() ? null : link.strip();
        }

        boolean blank() {
            return level == null && text == null && link == null;
        }
    }

    public AssessmentInput {
        subject = subject == null ? null : subject.strip();
        note = note == null || note.isBlank() ? null : note.strip();
        answers = answers == null ? List.of() : answers;
    }
}
