package io.clearflow.engine.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names of built-in things in the reader's language ({@code ${@labels.process(key, name)}} on pages):
 * the seeded processes and departments have a bundle key ({@code process.<key>.name},
 * {@code process.<key>.description}, {@code unit.<id>}); what users created has its one name, shown as
 * it is. Lists are joined the way the language joins them: 、 in Chinese, ", " in English.
 */
@Component("labels")
public class Labels {

    /** An owner line of a process's documentation ({@code owner: dept-operations}, {@code 负责人：…}), the id in group 1. */
    private static final java.util.regex.Pattern OWNER_LINE = java.util.regex.Pattern.compile(
            "(?i)(?:owner|负责人|负责部门)\\s*[:：]\\s*([A-Za-z0-9_-]+)");
    /** A unit id written in running text, e.g. 运营管理部（dept-operations）. */
    private static final java.util.regex.Pattern UNIT_ID = java.util.regex.Pattern.compile("\\s*[（(]?\\b(dept-[a-z0-9-]+)\\b[）)]?");

    private final MessageSource messages;
    private final io.clearflow.engine.identity.OrgDirectory directory;

    Labels(MessageSource messages, io.clearflow.engine.identity.OrgDirectory directory) {
        this.messages = messages;
        this.directory = directory;
    }

    public String process(String processKey, String name) {
        return processKey == null ? name : label("process." + processKey + ".name", name);
    }

    /**
     * A process's description: the bundle's for a seeded process; for one a user deployed, its documentation
     * with the owner line and unit ids said by name, as business staff read them.
     */
    public String processDescription(String processKey, String description) {
        String text = processKey == null ? description : label("process." + processKey + ".description", null);
        return text != null ? text : readable(description);
    }

    String readable(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Map<String, String> units = directory.unitNames();
        String owners = OWNER_LINE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                messages.getMessage("process.owner", null, "负责部门", LocaleContextHolder.getLocale()) + ": "
                        + (units.containsKey(m.group(1)) ? unit(m.group(1), units.get(m.group(1))) : m.group(1))));
        return UNIT_ID.matcher(owners).replaceAll(m -> units.containsKey(m.group(1))
                ? java.util.regex.Matcher.quoteReplacement(owners.contains(units.get(m.group(1))) ? ""
                        : " " + unit(m.group(1), units.get(m.group(1)))) : java.util.regex.Matcher.quoteReplacement(m.group()));
    }

    public String unit(String unitId, String name) {
        return unitId == null ? name : label("unit." + unitId, name);
    }

    public String join(Collection<?> items) {
        return join(items, LocaleContextHolder.getLocale());
    }

    static String join(Collection<?> items, Locale locale) {
        String separator = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "、" : ", ";
        return items == null ? "" : items.stream().filter(Objects::nonNull).map(String::valueOf)
                .collect(Collectors.joining(separator));
    }

    private String label(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
