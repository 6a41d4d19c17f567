package io.clearflow.engine.forms;

import io.clearflow.engine.api.StartPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Where the home page's start button of each startable process goes: the module's own page when it
 * declares one, the generic start page for catalog processes, nowhere for processes only systems
 * start (a bot's confirmation process).
 */
@Component
public class StartLinks {

    private final Map<String, String> pages;
    private final StartForms startForms;

    StartLinks(List<StartPage> pages, StartForms startForms) {
        this.pages = pages.stream().collect(Collectors.toUnmodifiableMap(StartPage::processKey, StartPage::path));
        this.startForms = startForms;
    }

    /** Process key → start path, for the definitions that have one. */
    public Map<String, String> of(List<ProcessDefinition> startable) {
        Map<String, String> links = new LinkedHashMap<>();
        for (ProcessDefinition definition : startable) {
            String path = pages.get(definition.getKey());
            if (path == null && startForms.startsHere(definition)) {
                path = "/start/" + definition.getKey();
            }
            if (path != null) {
                links.put(definition.getKey(), path);
            }
        }
        return links;
    }
}
