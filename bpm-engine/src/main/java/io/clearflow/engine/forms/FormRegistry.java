package io.clearflow.engine.forms;

import io.clearflow.engine.api.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every form definition declared as a bean, by key. Templates reach it as {@code @formRegistry}. */
@Component("formRegistry")
public class FormRegistry {

    private final Map<String, FormDefinition> forms;

    FormRegistry(List<FormDefinition> definitions) {
        this.forms = definitions.stream().collect(Collectors.toUnmodifiableMap(FormDefinition::key, Function.identity()));
    }

    public Optional<FormDefinition> find(String key) {
        return Optional.ofNullable(key).map(forms::get);
    }

    public FormDefinition get(String key) {
        return find(key).orElseThrow(() -> new NotFoundException("form", key));
    }
}
