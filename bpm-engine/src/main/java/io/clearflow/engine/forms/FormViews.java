package io.clearflow.engine.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns a definition into its {@link FormView} in the current language. Templates use {@code @formViews}. */
@Component("formViews")
public class FormViews {

    /** Error kinds the browser needs a text for; {0} stays in the text for it to fill in. */
    static final List<String> ERROR_KINDS = List.of("required", "number", "date", "option", "maxLength", "min", "max",
            "step", "pattern");

    private final MessageSource messages;
    private final FormRegistry registry;

    FormViews(MessageSource messages, FormRegistry registry) {
        this.messages = messages;
        this.registry = registry;
    }

    public FormView of(String formKey) {
        return of(registry.get(formKey));
    }

    public FormView of(FormDefinition form) {
        var fields = form.fields().stream().map(f -> new FormView.Field(f.key(), text(f.labelKey()), f.type().value(),
                f.required(), f.pattern(), f.patternMessageKey() == null ? null : text(f.patternMessageKey()),
                f.min(), f.max(), f.step(), f.maxLength(),
                f.options().stream().map(o -> new FormView.Choice(o.value(), text(o.labelKey()))).toList(),
                f.variable())).toList();
        Map<String, String> errorTexts = new LinkedHashMap<>();
        ERROR_KINDS.forEach(kind -> errorTexts.put(kind, text("modes.form.error." + kind, "{0}")));
        return new FormView(form.key(), text(form.titleKey()), fields, errorTexts, FormValidator.NUMBER.pattern(),
                FormValidator.DATE.pattern());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
