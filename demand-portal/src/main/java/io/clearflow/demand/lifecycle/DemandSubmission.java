package io.clearflow.demand.lifecycle;

import io.clearflow.demand.DemandProperties;
import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.work.ActingAs;
import io.clearflow.engine.work.AttachmentPolicy;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Submission: checks the demand and its files, stores it, starts its case and attaches the files to the case. */
@Component
class DemandSubmission {

    private final DemandRepository demands;
    private final DemandHistoryRepository history;
    private final WorkService work;
    private final TaskService engineTasks;
    private final AttachmentPolicy attachmentPolicy;
    private final DemandProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;

    DemandSubmission(DemandRepository demands, DemandHistoryRepository history, WorkService work,
                     TaskService engineTasks, AttachmentPolicy attachmentPolicy, DemandProperties properties,
                     ApplicationEventPublisher events, Clock clock, Validator validator) {
        this.demands = demands;
        this.history = history;
        this.work = work;
        this.engineTasks = engineTasks;
        this.attachmentPolicy = attachmentPolicy;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.validator = validator;
    }

    Demand submit(Member requester, NewDemand input, List<DemandService.Upload> uploads) {
        Instant now = clock.instant();
        NewDemand d = DemandInput.checked(validator, input, now.atOffset(ZoneOffset.UTC).toLocalDate());
        List<DemandService.Upload> files = uploads == null ? List.of()
                : uploads.stream().filter(u -> u.content().length > 0).toList();
        if (files.size() > properties.maxAttachments()) {
            throw new InvalidRequestException("demand.error.files", Map.of("files", "demand.error.files"));
        }
        List<AttachmentPolicy.Kind> kinds = files.stream().map(f -> attachmentPolicy.check(f.name(), f.content())).toList();
        if (requester.department() == null) {
            throw new InvalidRequestException("demand.error.noDepartment", Map.of("department", "demand.error.noDepartment"));
        }
        long id = demands.insert(d, requester.userId(), requester.department(), now);
        boolean compliance = d.regulatory() || properties.complianceCategories().contains(d.category());
        CaseView started = work.start(requester, DemandService.PROCESS_KEY, "DEM-" + id,
                Map.of("demandId", id, "complianceRequired", compliance));
        demands.setCase(id, started.id());
        events.publishEvent(new DemandService.StateChanged(id, null, DemandState.SUBMITTED));
        history.add(id, null, DemandState.SUBMITTED, requester.userId(), now,
                d.origin() == null ? null : d.origin().type() + ": " + d.origin().reference());
        for (int i = 0; i < files.size(); i++) {
            attach(requester, started.id(), files.get(i), kinds.get(i));
        }
        return demands.find(id).orElseThrow();
    }

    private void attach(Member requester, String caseId, DemandService.Upload file, AttachmentPolicy.Kind kind) {
        // the requester is no candidate of the first step, so the file goes to the case directly;
        // the case page lists and serves it to everybody who may follow the case
        ActingAs.member(requester, () -> engineTasks.createAttachment(kind.contentType(), null, caseId,
                file.name().strip(), null, new ByteArrayInputStream(file.content())));
    }
}
