package io.clearflow.demand.jira;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on cf_demand_webhook_delivery: the Jira webhook deliveries already applied, so a replay changes nothing. */
@Repository
class WebhookDeliveryRepository {

    private final JdbcTemplate jdbc;

    WebhookDeliveryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean seen(String delivery) {
        Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand_webhook_delivery WHERE delivery_id = ?",
                Integer.class, delivery);
        return seen != null && seen > 0;
    }

    /** Records a delivery; a concurrent record of the same one fails on the primary key (DuplicateKeyException). */
    void record(String delivery, Instant at) {
        jdbc.update("INSERT INTO cf_demand_webhook_delivery (delivery_id, received_at) VALUES (?, ?)", delivery,
                at.atOffset(ZoneOffset.UTC));
    }
}
