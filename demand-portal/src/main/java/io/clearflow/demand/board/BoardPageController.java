package io.clearflow.demand.board;

import io.clearflow.demand.api.DemandState;
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

    BoardPageController(DemandQueries queries, CurrentUser currentUser, OrgDirectory directory) {
        this.queries = queries;
        this.currentUser = currentUser;
        this.directory = directory;
    }

    @GetMapping("/demand/board")
    String board(@RequestParam(required = false) String department, Model model) {
        Member me = currentUser.get();
        Map<DemandState, List<Demand>> columns = queries.board(me, department);
        Map<Long, List<String>> actions = new LinkedHashMap<>();
        columns.values().forEach(cards -> cards.forEach(d ->
                actions.put(d.id(), DemandService.actions(me, d).stream().map(Enum::name).toList())));
        model.addAttribute("columns", columns);
        model.addAttribute("counts", queries.counts(me, department));
        model.addAttribute("cardActions", actions);
        model.addAttribute("selectedDepartment", department);
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
