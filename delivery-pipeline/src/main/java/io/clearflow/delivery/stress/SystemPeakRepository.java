package io.clearflow.delivery.stress;

import io.clearflow.delivery.jdbc.StateRows;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_stress_peak}. */
@Repository
class SystemPeakRepository {

    private final JdbcTemplate jdbc;

    SystemPeakRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SystemPeak> find(String system) {
        return jdbc.query("SELECT * FROM del_stress_peak WHERE system_code = ?", (rs, n) -> new SystemPeak(
                rs.getString("system_code"), rs.getDouble("peak_tps"), rs.getDouble("peak_bandwidth_mbps"),
                rs.getDouble("bandwidth_mbps"), rs.getDouble("capacity_factor"), rs.getDouble("bandwidth_factor"),
                rs.getDouble("max_error_rate"), rs.getDouble("regression_tolerance")), system).stream().findFirst();
    }

    /** Insert or replace (delete + insert in the caller's transaction: portable between H2 and PostgreSQL). */
    void save(SystemPeak p, String by, Instant now) {
        jdbc.update("DELETE FROM del_stress_peak WHERE system_code = ?", p.system());
        jdbc.update("INSERT INTO del_stress_peak (system_code, peak_tps, peak_bandwidth_mbps, bandwidth_mbps, "
                        + "capacity_factor, bandwidth_factor, max_error_rate, regression_tolerance, updated_by, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.system(), p.peakTps(), p.peakBandwidthMbps(),
                p.bandwidthMbps(), p.capacityFactor(), p.bandwidthFactor(), p.maxErrorRate(), p.regressionTolerance(),
                by, StateRows.utc(now));
    }
}
