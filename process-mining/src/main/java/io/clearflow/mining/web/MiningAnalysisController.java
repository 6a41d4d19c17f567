package io.clearflow.mining.web;

import io.clearflow.mining.bottleneck.BottleneckReport;
import io.clearflow.mining.dfg.Dfg;
import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.heuristics.HeuristicsNet;
import io.clearflow.mining.metrics.MetricsReport;
import io.clearflow.mining.organisation.OrganisationReport;
import io.clearflow.mining.organisation.OrganisationalMiner;
import io.clearflow.mining.spectrum.SpectrumReport;
import io.clearflow.mining.variants.Variant;
import io.clearflow.mining.variants.VariantMiner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analyses of a log or filtered slice. */
@RestController
@RequestMapping("/api/mining/logs/{id}")
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER','IT_MANAGER','COMPLIANCE')")
@Tag(name = MiningApiDocs.TAG, description = MiningApiDocs.TAG_DESCRIPTION)
class MiningAnalysisController {

    private final LogAnalyses analyses;

    MiningAnalysisController(LogAnalyses analyses) {
        this.analyses = analyses;
    }

    @GetMapping("/dfg")
    @Operation(summary = "Directly-follows graph with frequency and mean/median time between the events (ms)",
            description = "Within each case, events by timestamp (ties keep log order); if the log has lifecycle "
                    + "transitions only complete events count. Start and end activities with case counts.")
    Dfg dfg(@PathVariable String id, @ParameterObject LogParameters parameters) {
        return analyses.of(id, parameters, DfgMiner::mine);
    }

    @GetMapping("/heuristics")
    @Operation(summary = "Heuristics net (Weijters & Ribeiro): dependency graph with loops of length one and two",
            description = "Edges with at least positiveObservations directly-follows occurrences and a dependency "
                    + "(|a>b|-|b>a|)/(|a>b|+|b>a|+1) of at least dependency; length-1 loops |a>a|/(|a>a|+1) >= loopOne; "
                    + "length-2 loops (a b a) >= loopTwo. Same shape as the DFG plus each edge's dependency and loop kind.")
    HeuristicsNet heuristics(@PathVariable String id, @ParameterObject LogParameters parameters,
                             @RequestParam(defaultValue = "0.5") double dependency,
                             @RequestParam(defaultValue = "1") int positiveObservations,
                             @RequestParam(defaultValue = "0.5") double loopOne,
                             @RequestParam(defaultValue = "0.5") double loopTwo) {
        return analyses.heuristics(id, parameters, dependency, positiveObservations, loopOne, loopTwo);
    }

    @GetMapping("/organisation")
    @Operation(summary = "Organisational mining: handover-of-work and working-together networks, resources per activity",
            description = "Handover: consecutive control-flow events of a case done by two different people (events "
                    + "without org:resource passed over); count and cases. Working together: cases both people are in.")
    OrganisationReport organisation(@PathVariable String id, @ParameterObject LogParameters parameters) {
        return analyses.of(id, parameters, OrganisationalMiner::mine);
    }

    @GetMapping("/variants")
    @Operation(summary = "Variants (activity sequences, as in the DFG) with case counts and share, most frequent first")
    List<Variant> variants(@PathVariable String id, @ParameterObject LogParameters parameters) {
        return analyses.of(id, parameters, VariantMiner::mine);
    }

    @GetMapping("/metrics")
    @Operation(summary = "The seed's metric system with month-over-month rows",
            description = "Process: handling duration, departments and roles per case. Task: waiting (arrival to "
                    + "claim/start), handling (claim/start to complete), send-backs, withdrawals. Post/person: "
                    + "processes and steps per resource, peak steps per hour and per day per post (org:group).")
    MetricsReport metrics(@PathVariable String id, @ParameterObject LogParameters parameters,
                          @Parameter(description = MiningApiDocs.CALENDAR) @RequestParam(required = false) String calendar) {
        return analyses.metrics(id, parameters, calendar);
    }

    @GetMapping("/bottlenecks")
    @Operation(summary = "Activities, hand-offs and departments ranked by total waiting; rework loops; cases over the SLA")
    BottleneckReport bottlenecks(@PathVariable String id, @ParameterObject LogParameters parameters,
                                 @Parameter(description = "ISO-8601 duration, e.g. P5D; default clearflow.mining.default-sla")
                                 @RequestParam(required = false) Duration sla,
                                 @Parameter(description = MiningApiDocs.CALENDAR) @RequestParam(required = false) String calendar) {
        return analyses.bottlenecks(id, parameters, sla, calendar);
    }

    @GetMapping("/spectrum")
    @Operation(summary = "Performance spectrum of a segment: each time a case went from source directly to target",
            description = "Lines from the source event's time to the target event's, with the duration quartile (1 "
                    + "fastest to 4 slowest); above maxLines (default 2000, at most 100000) segments they are binned into "
                    + "100 time bins per axis, a line per start bin, end bin and quartile with its count.")
    SpectrumReport spectrum(@PathVariable String id, @ParameterObject LogParameters parameters,
                            @RequestParam String source, @RequestParam String target,
                            @RequestParam(defaultValue = "2000") int maxLines) {
        return analyses.spectrum(id, parameters, source, target, maxLines);
    }
}
