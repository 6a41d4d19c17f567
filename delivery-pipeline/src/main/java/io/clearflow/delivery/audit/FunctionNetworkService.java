package io.clearflow.delivery.audit;

import io.clearflow.delivery.UnprocessableException;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Function networks per system: CSV import ({@code caller,callee,kind}: kind is the callee's — menu, function,
 * table, dll — and an optional {@code caller_kind} column; a caller never named as callee or with a kind is a
 * {@code function}), the analyses (computed once per import and kept in memory) and what a change reaches.
 */
@Service
class FunctionNetworkService {

    static final int MAX_RELATIONS = 500_000;

    private final FunctionEdgeRepository edges;
    private final SystemCatalog systems;
    private final TransactionTemplate transactions;
    private final Map<String, FunctionNetwork> networks = new ConcurrentHashMap<>();
    private final Map<String, FunctionNetwork.Metrics> metrics = new ConcurrentHashMap<>();

    FunctionNetworkService(FunctionEdgeRepository edges, SystemCatalog systems, TransactionTemplate transactions) {
        this.edges = edges;
        this.systems = systems;
        this.transactions = transactions;
    }

    Map<String, Object> importCsv(String system, InputStream csv) {
        checkSystem(system);
        List<FunctionNetwork.Relation> relations = parse(csv);
        transactions.executeWithoutResult(tx -> edges.replace(system, relations));
        networks.remove(system);
        metrics.remove(system);
        FunctionNetwork.Metrics m = metrics(system);
        return Map.of("relations", relations.size(), "nodes", m.nodes(), "edges", m.edges(), "byKind", m.byKind());
    }

    FunctionNetwork network(String system) {
        checkSystem(system);
        return networks.computeIfAbsent(system, s -> new FunctionNetwork(edges.ofSystem(s)));
    }

    FunctionNetwork.Metrics metrics(String system) {
        return metrics.computeIfAbsent(system, s -> network(s).metrics(20));
    }

    private void checkSystem(String system) {
        if (system == null || systems.find(system).isEmpty()) {
            throw new UnprocessableException("delivery.audit.error.unknownSystem", Map.of("system", "delivery.audit.error.unknownSystem"));
        }
    }

    static List<FunctionNetwork.Relation> parse(InputStream csv) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null) {
                throw new InvalidRequestException("delivery.audit.error.networkCsv");
            }
            List<String> columns = List.of(header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
            int caller = columns.indexOf("caller"), callee = columns.indexOf("callee"), kind = columns.indexOf("kind");
            int callerKind = columns.indexOf("caller_kind");
            if (caller < 0 || callee < 0 || kind < 0) {
                throw new InvalidRequestException("delivery.audit.error.networkCsv");
            }
            List<String[]> rows = new ArrayList<>();
            Map<String, String> kinds = new HashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\\s*,\\s*", -1);
                if (cells.length < columns.size() || rows.size() >= MAX_RELATIONS) {
                    throw new InvalidRequestException("delivery.audit.error.networkCsv");
                }
                String from = name(cells[caller]), to = name(cells[callee]), k = kind(cells[kind]);
                String fromKind = callerKind >= 0 && !cells[callerKind].isBlank() ? kind(cells[callerKind]) : null;
                rows.add(new String[] {from, fromKind, to, k});
                kinds.put(to, k);
                if (fromKind != null) {
                    kinds.put(from, fromKind);
                }
            }
            Set<FunctionNetwork.Relation> relations = new LinkedHashSet<>();
            for (String[] r : rows) {
                relations.add(new FunctionNetwork.Relation(r[0], kinds.getOrDefault(r[0], "function"), r[2], kinds.get(r[2])));
            }
            return List.copyOf(relations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(String cell) {
        String name = cell.strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidRequestException("delivery.audit.error.networkCsv");
        }
        return name;
    }

    /** The seed's kinds and their usual spellings. */
    private static String kind(String cell) {
        String kind = cell.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "menu", "菜单" -> "menu";
            case "function", "middleware", "middleware function", "中间件函数", "函数" -> "function";
            case "table", "procedure", "table-or-procedure", "table/procedure", "表", "存储过程" -> "table";
            case "dll" -> "dll";
            default -> throw new InvalidRequestException("delivery.audit.error.networkKind");
        };
    }
}
