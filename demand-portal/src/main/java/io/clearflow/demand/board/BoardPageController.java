package io.clearflow.demand.board;

import io.clearflow.demand.DemandProperties;
import io.clearflow.demand.api.DemandCategory;
import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.api.DemandUrgency;
import io.clearflow.demand.stats.DemandStatistics;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.demand.lifecycle.Demand;
import io.clearflow.demand.lifecycle.DemandAccess;
import io.clearflow.demand.lifecycle.DemandQueries;
import io.clearflow.demand.lifecycle.DemandService;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Kanban by lifecycle state, with each card's allowed actions for the reader, and version tracking. */
@Controller
class BoardPageController {

    private final DemandQueries queries;
    private final CurrentUser currentUser;
    private final OrgDirectory directory;
    private final DemandStatistics statistics;
    private final DemandProperties properties;

    BoardPageController(DemandQueries queries, CurrentUser currentUser, OrgDirectory directory,
                        DemandStatistics statistics, DemandProperties properties) {
        this.queries = queries;
        this.currentUser = currentUser;
        this.directory = directory;
        this.statistics = statistics;
        this.properties = properties;
    }

    /**
     * The kanban. A board over tens of thousands of demands does not render every card (neither does
     * Jira's): each column shows its full count and the newest {@code board-column-limit} cards; the
     * column's "show more" opens that column alone, page by page, with the same filter.
     */
    @GetMapping("/demand/board")
    String board(@RequestParam(required = false) String department, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String urgency, @RequestParam(required = false) String version,
                 @RequestParam(required = false) String q, @RequestParam(required = false) DemandState state,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Member me = currentUser.get();
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("demand.board.error.page", Map.of("page", "demand.board.error.pageRange"));
        }
        DemandQueries.BoardFilter filter = new DemandQueries.BoardFilter(department, category, urgency, version, q);
        int limit = properties.boardColumnLimit();
        // unfiltered (or by department only): the counts are the statistics rollup's, a few rows;
        // otherwise one grouped COUNT over the filtered demands
        Map<DemandState, Long> counts = filter.departmentOnly()
                ? statistics.countsByState(DemandAccess.departmentScope(me, filter.department()))
                : queries.counts(me, filter);
        Map<DemandState, List<Demand>> columns = new LinkedHashMap<>();
        for (DemandState s : state == null ? DemandState.values() : new DemandState[] {state}) {
            // an empty column needs no query (a selective text filter leaves most columns empty)
            columns.put(s, counts.get(s) == 0 ? List.of()
                    : queries.column(me, filter, s, state == null ? 0 : page * limit, limit));
        }
        Map<Long, List<String>> actions = new LinkedHashMap<>();
        columns.values().forEach(cards -> cards.forEach(d ->
                actions.put(d.id(), DemandService.actions(me, d).stream().map(Enum::name).toList())));
        model.addAttribute("columns", columns);
        model.addAttribute("counts", counts);
        model.addAttribute("cardActions", actions);
        model.addAttribute("filter", filter);
        model.addAttribute("expanded", state);
        model.addAttribute("page", page);
        model.addAttribute("limit", limit);
        model.addAttribute("hasNext", state != null && (long) (page + 1) * limit < counts.get(state));
        model.addAttribute("selectedDepartment", filter.department());
        model.addAttribute("categories", DemandCategory.values());
        model.addAttribute("urgencies", DemandUrgency.values());
        model.addAttribute("departments", DemandAccess.seesAllDepartments(me)
                ? directory.units(OrgUnit.Type.DEPARTMENT) : List.of());
        return "demand/board";
    }

    @GetMapping("/demand/versions")
    String versions(@RequestParam(required = false) String department, Model model) {
        model.addAttribute("versions", queries.versions(currentUser.get(), department));
        return "demand/versions";
    }

    @GetMapping("/demand/versions/{version}")
    String version(@PathVariable String version, @RequestParam(required = false) String department, Model model) {
        Member me = currentUser.get();
        List<Demand> demands = queries.inVersion(me, version, department);
        model.addAttribute("version", version);
        model.addAttribute("demands", demands);
        Map<Long, Object> tasks = new LinkedHashMap<>();
        demands.forEach(d -> tasks.put(d.id(), queries.tasks(d.id())));
        model.addAttribute("tasks", tasks);
        return "demand/version";
    }
}
