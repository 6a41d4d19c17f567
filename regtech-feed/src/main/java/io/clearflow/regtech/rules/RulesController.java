package io.clearflow.regtech.rules;

import io.clearflow.engine.security.CurrentUser;
import io.clearflow.regtech.source.SourceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The topic dictionary and reclassification over REST (administrators). */
@RestController
@RequestMapping("/api/regtech")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Regtech dictionary", description = "Topic rules (keywords, departments) and reclassification of stored items")
class RulesController {

    private final TopicRules rules;
    private final Reclassifier reclassifier;
    private final CurrentUser currentUser;

    RulesController(TopicRules rules, Reclassifier reclassifier, CurrentUser currentUser) {
        this.rules = rules;
        this.reclassifier = reclassifier;
        this.currentUser = currentUser;
    }

    @GetMapping("/dictionary")
    List<TopicRule> dictionary() {
        SourceService.checkAdmin(currentUser.get());
        return rules.rules();
    }

    @PutMapping("/dictionary/{topic}")
    @Operation(summary = "Replace a topic's keywords (1 to 100, each up to 80 characters) and departments; applies to new items at once")
    TopicRule update(@PathVariable String topic, @Valid @RequestBody TopicRules.RuleInput input) {
        return rules.update(currentUser.get(), topic, input);
    }

    @DeleteMapping("/dictionary/{topic}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Back to the configured rule of the topic")
    void reset(@PathVariable String topic) {
        rules.reset(currentUser.get(), topic);
    }

    @PostMapping("/reclassify")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reclassify stored items (all, or by jurisdiction, organisation, topic, from, to) in the background; "
            + "changed items are published on Kafka with the kafka profile")
    Reclassifier.Job reclassify(@RequestBody(required = false) Reclassifier.Request request) {
        return reclassifier.start(currentUser.get(), request);
    }

    @GetMapping("/reclassify/{id}")
    Reclassifier.Job job(@PathVariable String id) {
        return reclassifier.job(currentUser.get(), id);
    }
}
