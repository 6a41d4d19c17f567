package io.clearflow.delivery.version;

import io.clearflow.delivery.DeliveryActivity;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogWriter;
import io.clearflow.engine.identity.OrgDirectory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes one thing that happened to a version three ways, in the caller's transaction: the version's
 * timeline, the platform event log (case = the version, so delivery can be mined like any process) and a
 * {@link DeliveryActivity} for in-process listeners.
 */
@Component
public class TimelineRecorder {

    /** Process key of delivery rows in the event log; the case id is {@code delivery-version-<id>}. */
    public static final String PROCESS_KEY = "delivery";

    private final TimelineRepository timeline;
    private final EventLogWriter eventLog;
    private final OrgDirectory directory;
    private final ApplicationEventPublisher publisher;

    TimelineRecorder(TimelineRepository timeline, EventLogWriter eventLog, OrgDirectory directory,
                     ApplicationEventPublisher publisher) {
        this.timeline = timeline;
        this.eventLog = eventLog;
        this.directory = directory;
        this.publisher = publisher;
    }

    public void record(Version version, String kind, String actor, String detail, String link) {
        Instant now = Instant.now();
        ActionOrigin origin = ActionOrigin.current();
        timeline.insert(version.id(), now, actor, kind, detail, link, origin);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("system", version.system());
        attributes.put("version", version.version());
        if (detail != null) {
            attributes.put("detail", detail);
        }
        if (link != null) {
            attributes.put("link", link);
        }
        attributes.put("origin", origin.name());
        String department = actor == null ? null : directory.member(actor).map(Member::department).orElse(null);
        eventLog.record(new PlatformEvent(null, UUID.randomUUID().toString(), caseId(version.id()), PROCESS_KEY, null, null,
                PlatformEvent.Scope.ACTIVITY, kind, kind, "delivery", null, PlatformEvent.Lifecycle.COMPLETE, now, actor,
                null, department, attributes));
        publisher.publishEvent(new DeliveryActivity(version.id(), version.system(), version.version(), kind, actor, now,
                detail, link));
    }

    public static String caseId(long versionId) {
        return "delivery-version-" + versionId;
    }
}
