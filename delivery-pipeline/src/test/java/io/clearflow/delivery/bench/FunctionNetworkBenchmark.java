package io.clearflow.delivery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.delivery.audit.FunctionNetworkBenchmarkAccess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The seed's scale: 1,628 menus, 4,456 middleware functions in 144 DLLs, 636 tables/procedures and 18,170
 * relations (menu→function, function→function, function→table, DLL→function), analysed in under 5 s.
 * Not a test: run with {@code -Dtest='FunctionNetworkBenchmark' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FunctionNetworkBenchmark {

    @Test
    void seedScale() {
        Random random = new Random(42);
        List<String[]> relations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // every function in one of 144 DLLs; one menu DLL holds each menu (the seed: 1 menu per menu DLL) — here
        // the 144 DLLs are the middleware ones, menus connect directly
        for (int f = 0; f < 4456; f++) {
            add(relations, seen, "dll" + (f % 144), "dll", "fn" + f, "function");
        }
        for (int m = 0; m < 1628; m++) {
            add(relations, seen, "menu" + m, "menu", "fn" + random.nextInt(4456), "function");
        }
        for (int t = 0; t < 636; t++) {
            add(relations, seen, "fn" + random.nextInt(4456), "function", "table" + t, "table");
        }
        while (relations.size() < 18_170) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                add(relations, seen, "menu" + random.nextInt(1628), "menu", "fn" + random.nextInt(4456), "function");
            } else if (kind < 8) {
                add(relations, seen, "fn" + random.nextInt(4456), "function", "fn" + random.nextInt(4456), "function");
            } else {
                add(relations, seen, "fn" + random.nextInt(4456), "function", "table" + random.nextInt(636), "table");
            }
        }
        long start = System.nanoTime();
        int[] result = FunctionNetworkBenchmarkAccess.analyse(relations);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("function network of %d nodes and %d relations: diameter %d, all analyses in %d ms%n",
                result[0], result[1], result[2], ms);
        assertThat(result[0]).isEqualTo(1628 + 4456 + 144 + 636);
        assertThat(result[1]).isEqualTo(18_170);
        assertThat(ms).isLessThan(5_000);
    }

    private static void add(List<String[]> relations, Set<String> seen, String from, String fromKind, String to, String toKind) {
        if (!from.equals(to) && seen.add(from + ">" + to)) {
            relations.add(new String[] {from, fromKind, to, toKind});
        }
    }
}
