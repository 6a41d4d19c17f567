package io.clearflow.regtech;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.regtech.parse.ParsedItem;
import io.clearflow.regtech.poll.ItemStore;
import io.clearflow.regtech.source.Source;
import io.clearflow.regtech.source.SourceRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The regtech module booted alone with the modules it depends on (engine, demand), and the event it publishes: items
 * new to the tracker are announced once, by source, with their ids ({@link ItemStore.ItemsAdded}, what the relay to
 * Kafka hears); an item seen again is a duplicate and announces nothing.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false)
@ActiveProfiles("test")
class RegtechModuleTest {

    @Autowired ItemStore store;
    @Autowired SourceRepository sources;

    @Test
    void storingANewItemPublishesItsIdForItsSource(Scenario scenario) {
        Source source = sources.all().get(0);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        ParsedItem item = new ParsedItem("关于发布模块测试通知 " + unique, "https://example.org/notice/" + unique,
                "guid-" + unique, Instant.now(), "module test");

        scenario.stimulate(() -> store.store(source, List.of(item), Instant.now()))
                .andWaitForEventOfType(ItemStore.ItemsAdded.class)
                .matching(added -> added.sourceId() == source.id())
                .toArriveAndVerify((added, counts) -> {
                    assertThat(counts[0]).as("added").isEqualTo(1);
                    assertThat(added.itemIds()).hasSize(1);
                });

        int[] again = store.store(source, List.of(item), Instant.now());
        assertThat(again[0]).as("the same item again is not new").isZero();
    }
}
