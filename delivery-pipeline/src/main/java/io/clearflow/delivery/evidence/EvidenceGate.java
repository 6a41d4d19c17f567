package io.clearflow.delivery.evidence;

import io.clearflow.delivery.version.VersionRef;
import io.clearflow.engine.api.ConflictException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Asks every {@link PreGoLiveEvidence} about a critical system's version and refuses (409, each item explained)
 * when anything is missing. {@code clearflow.delivery.evidence.enforce=false} turns the gate off (tests of the
 * change flow itself; an installation that brings the practices in step by step).
 */
@Component
public class EvidenceGate {

    private final List<PreGoLiveEvidence> practices;
    private final MessageSource messages;
    private final boolean enforce;

    EvidenceGate(List<PreGoLiveEvidence> practices, MessageSource messages,
                 @Value("${clearflow.delivery.evidence.enforce:true}") boolean enforce) {
        this.practices = List.copyOf(practices);
        this.messages = messages;
        this.enforce = enforce;
    }

    /** Every missing item for the version (also when the gate is off: pages show them). */
    public List<PreGoLiveEvidence.Item> missing(VersionRef version) {
        if (!version.critical()) {
            return List.of();
        }
        return practices.stream().flatMap(p -> p.missing(version).stream()).toList();
    }

    /** Throws a conflict naming every missing item when the version's system is critical and evidence is missing. */
    public void require(VersionRef version) {
        if (!enforce) {
            return;
        }
        List<PreGoLiveEvidence.Item> missing = missing(version);
        if (!missing.isEmpty()) {
            String items = missing.stream().map(i -> messages.getMessage(i.messageKey(), i.args().toArray(),
                    i.messageKey(), LocaleContextHolder.getLocale())).collect(Collectors.joining("; "));
            throw new ConflictException("delivery.evidence.missing", version.system() + " " + version.version(), items);
        }
    }
}
