package io.clearflow.regtech.rules;

import java.util.List;

/**
 * An administrator's edit of a topic rule as it is stored: blanks dropped, keywords with their white space
 * collapsed, departments stripped, each once. Its rules are declared in {@link RuleChangeValidator}.
 */
@RuleChangeValidator.Rules
record RuleChange(List<String> keywords, List<String> departments) {

    static RuleChange of(TopicRules.RuleInput in) {
        List<String> keywords = in == null || in.keywords() == null ? List.of() : in.keywords().stream()
                .filter(k -> k != null && !k.isBlank()).map(k -> k.strip().replaceAll("\\s+", " ")).distinct().toList();
        List<String> departments = in == null || in.departments() == null ? List.of() : in.departments().stream()
                .filter(d -> d != null && !d.isBlank()).map(String::strip).distinct().toList();
        return new RuleChange(keywords, departments);
    }
}
