package io.clearflow.mining.discovery;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four cuts of the inductive miner on a directly-follows graph: each returns the groups of activities the cut
 * separates (for a sequence in order, for a loop the do part first), or null when that cut does not fit.
 */
final class Cuts {

    private Cuts() {
    }

    /** Connected components of the DFG taken as undirected. */
    static List<BitSet> xorCut(DirectlyFollows dfg) {
        List<BitSet> components = components(dfg.alphabet, (a, b) -> dfg.has(a, b) || dfg.has(b, a));
        return components.size() > 1 ? components : null;
    }

    /**
     * Strongly connected components, merged while two are mutually unreachable, ordered by
     * reachability; valid when each group reaches every later one and none reaches an earlier one.
     */
    static List<BitSet> sequenceCut(DirectlyFollows dfg) {
        boolean[][] reach = dfg.reachability();
        List<BitSet> groups = components(dfg.alphabet, (a, b) -> reach[a][b] && reach[b][a]);
        boolean merged = true;
        while (merged && groups.size() > 1) {
            merged = false;
            outer:
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    if (!reaches(reach, groups.get(i), groups.get(j)) && !reaches(reach, groups.get(j), groups.get(i))) {
                        groups.get(i).or(groups.get(j));
                        groups.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        if (groups.size() < 2) {
            return null;
        }
        // in a valid cut, an earlier group reaches more of the others than a later one
        Map<BitSet, Integer> reachCount = new HashMap<>();
        for (BitSet g : groups) {
            reachCount.put(g, (int) groups.stream().filter(h -> h != g && reaches(reach, g, h)).count());
        }
        groups.sort((g, h) -> Integer.compare(reachCount.get(h), reachCount.get(g)));
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                for (int a = groups.get(i).nextSetBit(0); a >= 0; a = groups.get(i).nextSetBit(a + 1)) {
                    for (int b = groups.get(j).nextSetBit(0); b >= 0; b = groups.get(j).nextSetBit(b + 1)) {
                        if (!reach[a][b] || reach[b][a]) {
                            return null;
                        }
                    }
                }
            }
        }
        return groups;
    }

    private static boolean reaches(boolean[][] reach, BitSet from, BitSet to) {
        for (int a = from.nextSetBit(0); a >= 0; a = from.nextSetBit(a + 1)) {
            for (int b = to.nextSetBit(0); b >= 0; b = to.nextSetBit(b + 1)) {
                if (reach[a][b]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Components of the negated DFG (two activities are together unless each directly follows the
     * other); every group needs a start and an end activity, groups lacking one are merged.
     */
    static List<BitSet> parallelCut(DirectlyFollows dfg) {
        List<BitSet> components = components(dfg.alphabet, (a, b) -> !(dfg.has(a, b) && dfg.has(b, a)));
        if (components.size() < 2) {
            return null;
        }
        List<BitSet> complete = new ArrayList<>();
        BitSet incomplete = new BitSet();
        for (BitSet group : components) {
            if (group.intersects(dfg.starts) && group.intersects(dfg.ends)) {
                complete.add(group);
            } else {
                incomplete.or(group);
            }
        }
        if (complete.size() < 2) {
            return null;
        }
        complete.get(0).or(incomplete);
        return complete;
    }

    /**
     * Do part: the start and end activities; redo parts: the components of the rest, as long as
     * they are entered only from every end activity and left only to every start activity.
     */
    static List<BitSet> loopCut(DirectlyFollows dfg) {
        BitSet body = (BitSet) dfg.starts.clone();
        body.or(dfg.ends);
        BitSet rest = (BitSet) dfg.alphabet.clone();
        rest.andNot(body);
        List<BitSet> candidates = components(rest, (a, b) -> dfg.has(a, b) || dfg.has(b, a));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var it = candidates.iterator(); it.hasNext(); ) {
                BitSet redo = it.next();
                if (!isRedo(dfg, redo, body)) {
                    body.or(redo);
                    it.remove();
                    changed = true;
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        List<BitSet> groups = new ArrayList<>();
        groups.add(body);
        groups.addAll(candidates);
        return groups;
    }

    private static boolean isRedo(DirectlyFollows dfg, BitSet redo, BitSet body) {
        BitSet nonStartBody = (BitSet) body.clone();
        nonStartBody.andNot(dfg.starts);
        BitSet nonEndBody = (BitSet) body.clone();
        nonEndBody.andNot(dfg.ends);
        for (int r = redo.nextSetBit(0); r >= 0; r = redo.nextSetBit(r + 1)) {
            boolean fromSomeEnd = false;
            boolean fromEveryEnd = true;
            boolean toSomeStart = false;
            boolean toEveryStart = true;
            for (int a = dfg.alphabet.nextSetBit(0); a >= 0; a = dfg.alphabet.nextSetBit(a + 1)) {
                if (redo.get(a)) {
                    continue;
                }
                if (dfg.has(a, r) && (nonEndBody.get(a) || !body.get(a))) {
                    return false; // entered from inside the body
                }
                if (dfg.has(r, a) && (nonStartBody.get(a) || !body.get(a))) {
                    return false; // leaves into the middle of the body
                }
                if (dfg.ends.get(a)) {
                    fromSomeEnd |= dfg.has(a, r);
                    fromEveryEnd &= dfg.has(a, r);
                }
                if (dfg.starts.get(a)) {
                    toSomeStart |= dfg.has(r, a);
                    toEveryStart &= dfg.has(r, a);
                }
            }
            if ((fromSomeEnd && !fromEveryEnd) || (toSomeStart && !toEveryStart)) {
                return false;
            }
        }
        return true;
    }

    private interface Related {
        boolean test(int a, int b);
    }

    /** Connected components of the activities in {@code nodes} under a symmetric relation. */
    private static List<BitSet> components(BitSet nodes, Related related) {
        List<BitSet> components = new ArrayList<>();
        BitSet seen = new BitSet();
        for (int a = nodes.nextSetBit(0); a >= 0; a = nodes.nextSetBit(a + 1)) {
            if (seen.get(a)) {
                continue;
            }
            BitSet component = new BitSet();
            List<Integer> stack = new ArrayList<>(List.of(a));
            seen.set(a);
            while (!stack.isEmpty()) {
                int x = stack.remove(stack.size() - 1);
                component.set(x);
                for (int y = nodes.nextSetBit(0); y >= 0; y = nodes.nextSetBit(y + 1)) {
                    if (!seen.get(y) && related.test(x, y)) {
                        seen.set(y);
                        stack.add(y);
                    }
                }
            }
            components.add(component);
        }
        return components;
    }
}
