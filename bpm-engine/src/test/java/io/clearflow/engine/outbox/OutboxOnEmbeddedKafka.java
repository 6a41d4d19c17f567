package io.clearflow.engine.outbox;

import io.clearflow.engine.EngineTestApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The platform with the kafka profile against a real in-process KRaft broker. One annotation so the
 * test classes that use it share one Spring context and one broker (a context start costs far more
 * than the tests). Three partitions, so per-case order cannot come from there being only one.
 * The scheduled relay runs every 200 ms, as it would in production, only faster.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = EngineTestApplication.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "clearflow.outbox.kafka.interval=200ms",
        "clearflow.outbox.kafka.gap-timeout=5s"})
@ActiveProfiles({"test", "kafka"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = TopicReader.TOPIC)
@interface OutboxOnEmbeddedKafka {
}
