package io.clearflow.engine.monitor;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Department process query (部门流程查询): per initiator department, the instances started in a
 * period and where they stand now. Overseers see every department, everybody else their own.
 */
@Service
public class DepartmentReport {

    /** {@code department} is {@code null} for initiators who belong to no department (bots removed, etc.). */
    public record DepartmentFigures(String department, long started, long running, long completed, long withdrawn) { }

    private final InstanceRepository repository;
    private final MonitorAccess access;
    private final OrgDirectory directory;
    private final InstanceMonitor instances;

    public DepartmentReport(InstanceRepository repository, MonitorAccess access, OrgDirectory directory,
                            InstanceMonitor instances) {
        this.repository = repository;
        this.access = access;
        this.directory = directory;
        this.instances = instances;
    }

    /** Figures of instances started in [from, to); every visible department has a row, zero or not. */
    @Transactional(readOnly = true)
    public List<DepartmentFigures> departments(Member member, Instant from, Instant to) {
        // the same validation as the instance query: a range that ends before it starts is refused
        new InstanceFilter(null, null, null, null, from, to);
        String scope = access.departmentScope(member, null);
        Map<String, long[]> sums = new LinkedHashMap<>();
        if (scope == null) {
            directory.units(OrgUnit.Type.DEPARTMENT).forEach(u -> sums.put(u.id(), new long[4]));
        } else {
            sums.put(scope, new long[4]);
        }
        for (var counts : repository.countsByInitiator(from, to, scope)) {
            long[] sum = sums.computeIfAbsent(instances.departmentOf(counts.initiator()), d -> new long[4]);
            sum[0] += counts.started();
            sum[1] += counts.running();
            sum[2] += counts.completed();
            sum[3] += counts.withdrawn();
        }
        List<DepartmentFigures> figures = new ArrayList<>();
        sums.forEach((department, s) -> figures.add(new DepartmentFigures(department, s[0], s[1], s[2], s[3])));
        return figures;
    }
}
