package io.clearflow.mining.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxLogs       imported logs kept in memory; the least recently used one is dropped from memory
 *                      (its file stays and is re-imported on the next request)
 * @param maxEvents     events kept in memory over all logs; also the largest log one import may hold
 * @param maxUploadSize largest uploaded file; must not exceed {@code spring.servlet.multipart.max-file-size}
 *                      to take effect, which refuses bigger ones first
 * @param defaultSla    case duration above which the bottleneck analysis reports a case as over its SLA
 * @param discovery     settings of process discovery
 * @param ingest        settings of the Kafka ingestion (profile {@code kafka})
 * @param calendar      the working calendar durations may be measured in
 */
@Validated
@ConfigurationProperties("clearflow.mining")
public record MiningProperties(@Min(1) Integer maxLogs, @Min(1) Integer maxEvents, DataSize maxUploadSize,
                               @NotNull Duration defaultSla, Discovery discovery, Ingest ingest, Calendar calendar) {

    public MiningProperties(Integer maxLogs, Integer maxEvents, DataSize maxUploadSize, Duration defaultSla) {
        this(maxLogs, maxEvents, maxUploadSize, defaultSla, null, null, null);
    }

    /**
     * @param workingTime     measure waiting, handling and case durations in working time unless a request says
     *                        otherwise ({@code calendar=wall})
     * @param zone            time zone of the working hours
     * @param workingDays     day names, comma-separated
     * @param workingHours    {@code HH:mm-HH:mm} ranges, comma-separated
     * @param chineseHolidays whether the built-in Chinese public holidays and adjusted working days (2023–2026) apply
     */
    public record Calendar(Boolean workingTime, String zone, String workingDays, String workingHours,
                           Boolean chineseHolidays) {
        public Calendar {
            workingTime = workingTime != null && workingTime;
            zone = zone == null || zone.isBlank() ? "Asia/Shanghai" : zone;
            workingDays = workingDays == null || workingDays.isBlank() ? "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY"
                    : workingDays;
            workingHours = workingHours == null || workingHours.isBlank() ? "09:00-12:00,13:00-18:00" : workingHours;
            chineseHolidays = chineseHolidays == null || chineseHolidays;
        }
    }

    /**
     * @param candidateGroup group every discovered user task is offered to, so the model passes the
     *                       platform's rule that a user task has a candidate group
     * @param defaultNoise   IMf noise threshold used when a request names none
     */
    public record Discovery(String candidateGroup, Double defaultNoise) {
        public Discovery {
            candidateGroup = candidateGroup == null || candidateGroup.isBlank() ? "role-process-owner" : candidateGroup;
            defaultNoise = defaultNoise == null ? 0.2 : defaultNoise;
        }
    }

    /**
     * @param topic      Kafka topic of CloudEvents JSON events to ingest
     * @param defaultLog log name for events naming none (CloudEvents extension {@code logname}, else {@code source})
     */
    public record Ingest(String topic, String defaultLog) {
        public Ingest {
            topic = topic == null || topic.isBlank() ? "clearflow.mining.ingest" : topic;
            defaultLog = defaultLog == null || defaultLog.isBlank() ? "ingested" : defaultLog;
        }
    }

    @ConstructorBinding
    public MiningProperties {
        maxLogs = maxLogs == null ? 20 : maxLogs;
        maxEvents = maxEvents == null ? 5_000_000 : maxEvents;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(20) : maxUploadSize;
        defaultSla = defaultSla == null ? Duration.ofDays(7) : defaultSla;
        discovery = discovery == null ? new Discovery(null, null) : discovery;
        ingest = ingest == null ? new Ingest(null, null) : ingest;
        calendar = calendar == null ? new Calendar(null, null, null, null, null) : calendar;
    }
}
