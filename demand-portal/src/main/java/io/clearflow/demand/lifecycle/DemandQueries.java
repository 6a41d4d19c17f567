package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-side lists: my demands, a department's, a kanban column, versions. */
@Service
public class DemandQueries {

    /** A target version with its demands and task progress. */
    public record VersionRow(String version, long demands, long done, long tasks, long tasksDone,
                             java.math.BigDecimal estimatedDays, java.math.BigDecimal actualDays) { }

    private final DemandRepository repository;
    private final DemandTaskRepository taskRepository;

    public DemandQueries(DemandRepository repository, DemandTaskRepository taskRepository) {
        this.repository = repository;
        this.taskRepository = taskRepository;
    }

    @Transactional(readOnly = true)
    public List<Demand> list(Member member, boolean mine, String department, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException("demand.error.page", Map.of("size", "demand.error.pageSize"));
        }
        if (mine) {
            return repository.byRequester(member.userId(), page * size, size);
        }
        String scope = DemandAccess.departmentScope(member, department == null ? member.department() : department);
        return scope == null ? repository.byRequester(member.userId(), page * size, size)
                : repository.byDepartment(scope, page * size, size);
    }

    @Transactional(readOnly = true)
    public Map<Long, String> states(Member member, List<Long> ids) {
        if (ids.size() > 200) {
            throw new InvalidRequestException("demand.error.ids", Map.of("ids", "demand.error.idsCount"));
        }
        Map<Long, String> states = new LinkedHashMap<>();
        for (Long id : ids) {
            repository.find(id).filter(d -> DemandAccess.mayView(member, d))
                    .ifPresent(d -> states.put(d.id(), d.state().name()));
        }
        return states;
    }

    /**
     * What a kanban shows: the reader's department scope plus optional category, urgency, target
     * version and a text (words of the title, or a demand number such as DEM-42).
     */
    public record BoardFilter(String department, String category, String urgency, String version, String text) {

        public BoardFilter {
            department = blankToNull(department);
            category = blankToNull(category);
            urgency = blankToNull(urgency);
            version = blankToNull(version);
            text = blankToNull(text);
            if (text != null && text.length() > 200) {
                throw new InvalidRequestException("demand.error.search", Map.of("q", "demand.error.searchLength"));
            }
        }

        /** True when only the department narrows the board (column counts can come from the statistics rollup). */
        public boolean departmentOnly() {
            return category == null && urgency == null && version == null && text == null;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** One kanban column: the newest {@code limit} demands in the state after skipping {@code offset}. */
    @Transactional(readOnly = true)
    public List<Demand> column(Member member, BoardFilter filter, DemandState state, int offset, int limit) {
        return repository.column(state, filter, DemandAccess.departmentScope(member, filter.department()), offset, limit);
    }

    /** Column counts under a filter: one grouped COUNT. */
    @Transactional(readOnly = true)
    public Map<DemandState, Long> counts(Member member, BoardFilter filter) {
        return repository.countsByState(filter, DemandAccess.departmentScope(member, filter.department()));
    }

    /** Version tracking: which demands and tasks are in which target version. */
    @Transactional(readOnly = true)
    public List<VersionRow> versions(Member member, String department) {
        String scope = DemandAccess.departmentScope(member, department);
        Map<String, long[]> tasks = taskRepository.countsByTargetVersion(scope);
        return repository.versionTotals(scope).stream().map(v -> {
            long[] t = tasks.getOrDefault(v.version(), new long[2]);
            return new VersionRow(v.version(), v.demands(), v.done(), t[0], t[1], v.estimatedDays(), v.actualDays());
        }).toList();
    }

    /** Demands of one version, for the version page. */
    @Transactional(readOnly = true)
    public List<Demand> inVersion(Member member, String version, String department) {
        return repository.inVersion(version, DemandAccess.departmentScope(member, department));
    }

    public List<DemandTask> tasks(long demandId) {
        return taskRepository.ofDemand(demandId);
    }
}
