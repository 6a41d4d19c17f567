package io.clearflow.bots.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a bot reports for one job. Variables are ids and routing facts only (the engine refuses more);
 * business findings go to the owning module's REST API.
 *
 * @param kind      done by the bot, handed to a person (the process routes it to a user task), or a BPMN error
 * @param variables process variables to set on completion (or with the BPMN error)
 * @param errorCode BPMN error code, only for {@link Kind#BPMN_ERROR}
 * @param note      a short human-readable line for the run report
 */
public record BotOutcome(Kind kind, Map<String, Object> variables, String errorCode, String note) {

    public enum Kind { DONE, HANDED_TO_PERSON, BPMN_ERROR }

    public BotOutcome {
        variables = variables == null ? Map.of() : new LinkedHashMap<>(variables);
        if (kind == Kind.BPMN_ERROR && (errorCode == null || errorCode.isBlank())) {
            throw new IllegalArgumentException("a BPMN error needs an error code");
        }
    }

    public static BotOutcome done(Map<String, Object> variables) {
        return new BotOutcome(Kind.DONE, variables, null, null);
    }

    public static BotOutcome handedToPerson(Map<String, Object> variables, String note) {
        return new BotOutcome(Kind.HANDED_TO_PERSON, variables, null, note);
    }

    public static BotOutcome bpmnError(String errorCode, String note, Map<String, Object> variables) {
        return new BotOutcome(Kind.BPMN_ERROR, variables, errorCode, note);
    }
}
