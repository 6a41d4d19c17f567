package io.clearflow.engine.monitor;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The query of all process instances (流程实例查询), running and historic together, within what
 * {@link MonitorAccess} lets the member see.
 */
@Service
public class InstanceMonitor {

    // spelled out in monitor.refused.page and its field text
    public static final int MAX_PAGE_SIZE = 200;

    public record InstancePage(List<InstanceRow> content, int page, int size, long totalElements) {
        public long totalPages() {
            return (totalElements + size - 1) / size;
        }
    }

    private final InstanceRepository repository;
    private final MonitorAccess access;
    private final OrgDirectory directory;

    public InstanceMonitor(InstanceRepository repository, MonitorAccess access, OrgDirectory directory) {
        this.repository = repository;
        this.access = access;
        this.directory = directory;
    }

    /** Instances matching the filter, by start time (newest first unless {@code ascending}). */
    @Transactional(readOnly = true)
    public InstancePage search(Member member, InstanceFilter filter, boolean ascending, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("monitor.refused.page", Map.of("size", "monitor.refused.pageSizeField"));
        }
        InstanceFilter visible = filter.withDepartment(access.departmentScope(member, filter.department()));
        return new InstancePage(repository.find(visible, ascending, page * size, size, this::departmentOf), page, size,
                repository.count(visible));
    }

    /** One instance the member may see; unknown and invisible ones alike are "not found". */
    @Transactional(readOnly = true)
    public InstanceRow instance(Member member, String instanceId) {
        InstanceRow row = instanceId == null || instanceId.length() > 64 ? null
                : repository.one(instanceId, this::departmentOf);
        if (row == null || !(access.maySee(member, row.department()) || member.userId().equals(row.initiator()))) {
            throw new NotFoundException("process instance", instanceId);
        }
        return row;
    }

    String departmentOf(String userId) {
        return directory.member(userId).map(Member::department).orElse(null);
    }
}
