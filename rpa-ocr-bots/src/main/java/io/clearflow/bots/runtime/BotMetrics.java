package io.clearflow.bots.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bot runs and items as Prometheus metrics. Names are stable: the Grafana bots dashboard and the alert
 * {@code ClearFlowBotFailing} (deploy/prometheus/alerts.yml) query them.
 * <ul>
 *   <li>{@code clearflow.bot.runs} counter, tags {@code bot}, {@code outcome} ({@code ok}, {@code error}: the run
 *       recorded an error)</li>
 *   <li>{@code clearflow.bot.items} counter, tags {@code bot}, {@code outcome} (as stored in {@code rpa_run_item}:
 *       done, bpmn-error, duplicate, handed (to a person), failed, ...)</li>
 * </ul>
 * The counters of every registered bot exist from the start at zero, so a bot's first failure is an increase
 * Prometheus sees (a counter born at 1 has no increase) and the alert has a series to watch before anything fails.
 */
public class BotMetrics {

    /** Outcomes registered ahead of time; others are registered when they first happen. */
    static final List<String> ITEM_OUTCOMES = List.of("done", "handed", "failed");
    static final List<String> RUN_OUTCOMES = List.of("ok", "error");

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public BotMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** For a bot host without a meter registry: counts in memory, exported nowhere. */
    public static BotMetrics unexported() {
        return new BotMetrics(new SimpleMeterRegistry());
    }

    /** Registers the zero counters of these bots. */
    public void prepare(Collection<String> bots) {
        for (String bot : bots) {
            ITEM_OUTCOMES.forEach(outcome -> counter("clearflow.bot.items", bot, outcome));
            RUN_OUTCOMES.forEach(outcome -> counter("clearflow.bot.runs", bot, outcome));
        }
    }

    void item(String bot, String outcome) {
        counter("clearflow.bot.items", bot, outcome).increment();
    }

    void run(String bot, boolean failed) {
        counter("clearflow.bot.runs", bot, failed ? "error" : "ok").increment();
    }

    private Counter counter(String name, String bot, String outcome) {
        return counters.computeIfAbsent(name + '\u0000' + bot + '\u0000' + outcome, k -> Counter.builder(name)
                .tag("bot", bot).tag("outcome", outcome).register(registry));
    }
}
