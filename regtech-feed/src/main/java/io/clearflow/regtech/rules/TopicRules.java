package io.clearflow.regtech.rules;

import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.regtech.RegtechProperties;
import io.clearflow.regtech.item.Classifier;
import io.clearflow.regtech.source.SourceService;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The classification dictionary in force: the configured topics ({@code clearflow.regtech.topics}),
 * each rule replaced by an administrator's edit when there is one. New items are classified with it
 * at once; stored items change only when an administrator reclassifies them ({@link Reclassifier}).
 */
@Service
public class TopicRules {

    /** An edited rule: keywords (1 to 100, each up to 80 characters) and departments. */
    public record RuleInput(@NotNull @Size(min = 1, max = 100) List<String> keywords, @Size(max = 12) List<String> departments) { }

    private final TopicRuleRepository repository;
    private final RegtechProperties properties;
    private final Validator validator;
    private final Clock clock;
    private final AtomicReference<Classifier> current = new AtomicReference<>();

    public TopicRules(TopicRuleRepository repository, RegtechProperties properties, Validator validator, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.validator = validator;
        this.clock = clock;
    }

    /** The classifier of the rules in force (built on first use and after every edit). */
    public Classifier classifier() {
        Classifier c = current.get();
        if (c == null) {
            c = build();
            current.compareAndSet(null, c);
        }
        return c;
    }

    private Classifier build() {
        Map<String, List<String>> topics = new LinkedHashMap<>(properties.topics());
        Map<String, List<String>> departments = new LinkedHashMap<>(properties.topicDepartments());
        for (TopicRule r : repository.all()) {
            if (topics.containsKey(r.topic())) {
                topics.put(r.topic(), r.keywords());
                departments.put(r.topic(), r.departments());
            }
        }
        return new Classifier(topics, departments, properties.newsExpiry());
    }

    /** Every known topic with its rule in force, in the configured order. */
    @Transactional(readOnly = true)
    public List<TopicRule> rules() {
        Map<String, TopicRule> edited = new LinkedHashMap<>();
        repository.all().forEach(r -> edited.put(r.topic(), r));
        return properties.topics().keySet().stream().map(t -> edited.getOrDefault(t, new TopicRule(t, properties.topics().get(t),
                properties.topicDepartments().getOrDefault(t, List.of()), null, null))).toList();
    }

    @Transactional
    public TopicRule update(Member member, String topic, RuleInput in) {
        SourceService.checkAdmin(member);
        if (topic == null || !properties.topics().containsKey(topic)) {
            throw new NotFoundException("topic", String.valueOf(topic));
        }
        RuleChange rule = DeclaredRules.check(validator, RuleChange.of(in), "regtech.error.rule");
        repository.save(topic, rule.keywords(), rule.departments(), member.userId(), clock.instant());
        refreshAfterCommit();
        return rules().stream().filter(r -> r.topic().equals(topic)).findFirst().orElseThrow();
    }

    /** Back to the configured rule of the topic. */
    @Transactional
    public void reset(Member member, String topic) {
        SourceService.checkAdmin(member);
        if (topic == null || !properties.topics().containsKey(topic)) {
            throw new NotFoundException("topic", String.valueOf(topic));
        }
        repository.delete(topic);
        refreshAfterCommit();
    }

    /** A rolled-back edit must not reach the classifier, so the new one is built once the edit is committed. */
    private void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    current.set(build());
                }
            });
        } else {
            current.set(build());
        }
    }
}
