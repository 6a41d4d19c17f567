package io.clearflow.delivery.project.staff;

import static io.clearflow.delivery.project.staff.StaffRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_staff_item}: the onboarding and offboarding checklist of a person. */
@Repository
class StaffItemRepository {

    /** @param kind account, access, equipment, handover; {@code system} is the system handed over (handover only) */
    record Item(long id, String phase, String kind, String system, String description, String doneBy, Instant doneAt) {
        boolean done() {
            return doneAt != null;
        }
    }

    private final JdbcTemplate jdbc;

    StaffItemRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long staffId, String phase, String kind, String system, String description) {
        jdbc.update("INSERT INTO del_staff_item (staff_id, phase, kind, system_code, description) VALUES (?, ?, ?, ?, ?)",
                staffId, phase, kind, system, description);
    }

    /** False when the item is not this person's or was already done. */
    boolean done(long staffId, long itemId, String by, Instant now) {
        return jdbc.update("UPDATE del_staff_item SET done_by = ?, done_at = ? WHERE id = ? AND staff_id = ? AND done_at IS NULL",
                by, utc(now), itemId, staffId) == 1;
    }

    List<Item> of(long staffId) {
        return jdbc.query("SELECT id, phase, kind, system_code, description, done_by, done_at FROM del_staff_item "
                + "WHERE staff_id = ? ORDER BY id", (rs, n) -> {
                    OffsetDateTime at = rs.getObject("done_at", OffsetDateTime.class);
                    return new Item(rs.getLong("id"), rs.getString("phase"), rs.getString("kind"),
                            rs.getString("system_code"), rs.getString("description"), rs.getString("done_by"),
                            at == null ? null : at.toInstant());
                }, staffId);
    }
}
