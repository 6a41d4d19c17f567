package io.clearflow.engine.work;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people a task's holder may hand it over to (委派, 转办): the step's candidates (its candidate
 * users and the members of its candidate groups) and the holder's own department, as
 * {@link WorkService} accepts them; never the holder, never a bot (bots take only their own
 * external steps).
 */
@Component
class HandOverCandidates {

    private final TaskService tasks;
    private final OrgDirectory directory;
    private final WorkService work;

    HandOverCandidates(TaskService tasks, OrgDirectory directory, WorkService work) {
        this.tasks = tasks;
        this.directory = directory;
        this.work = work;
    }

    @Transactional(readOnly = true)
    List<Member> of(Member holder, String taskId) {
        work.task(holder, taskId);
        Map<String, Member> people = new LinkedHashMap<>();
        tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .forEach(link -> {
                    if (link.getGroupId() != null) {
                        directory.membersOf(link.getGroupId()).forEach(m -> people.putIfAbsent(m.userId(), m));
                    } else if (link.getUserId() != null) {
                        directory.member(link.getUserId()).ifPresent(m -> people.putIfAbsent(m.userId(), m));
                    }
                });
        if (holder.department() != null) {
            directory.membersOf(holder.department()).forEach(m -> people.putIfAbsent(m.userId(), m));
        }
        return people.values().stream()
                .filter(m -> !m.userId().equals(holder.userId()))
                .filter(m -> !m.hasRole(PlatformRole.BOT))
                .sorted(Comparator.comparing(Member::displayName, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
