package io.clearflow.mining.conformance;

import static io.clearflow.mining.conformance.Alignments.MOVE_COST;
import static io.clearflow.mining.conformance.Alignments.TAU_COST;

import io.clearflow.mining.conformance.AlignmentReport.Move;
import io.clearflow.mining.conformance.Alignments.Result;
import io.clearflow.mining.conformance.PetriNet.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The A* search for one trace's optimal alignment on a net (see {@link Alignments} for costs and heuristic). One
 * search object serves all variants of a log, from several threads: it holds only the net, the limits and the
 * final marking, and each {@link #align} keeps its state to itself.
 */
final class AlignmentSearch {

    private final PetriNet net;
    private final int stateLimit;
    private final int[] finalMarking;
    private final long deadline;

    AlignmentSearch(PetriNet net, int stateLimit, Duration budget) {
        this.net = net;
        this.stateLimit = stateLimit;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.finalMarking = new int[net.placeCount()];
        finalMarking[net.sink()] = 1;
    }

    /** The empty trace's alignment: its cost is every trace's best-worst share (the cheapest way through the net). */
    Result alignEmpty() {
        return align(List.of(), 0);
    }

    private static final class Node {
        final int[] marking;
        final int position;
        final long cost;
        final long estimate;
        final Node previous;
        final Move move;
        final int hash;

        Node(int[] marking, int position, long cost, long estimate, Node previous, Move move) {
            this.marking = marking;
            this.position = position;
            this.cost = cost;
            this.estimate = estimate;
            this.previous = previous;
            this.move = move;
            this.hash = 31 * Arrays.hashCode(marking) + position;
        }
    }

    private record Key(Node node) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.node.position == node.position && k.node.hash == node.hash
                    && Arrays.equals(k.node.marking, node.marking);
        }

        @Override
        public int hashCode() {
            return node.hash;
        }
    }

    /** One trace's optimal alignment, or {@code null} when the state limit or the deadline was reached first. */
    Result align(List<String> trace, long emptyCost) {
        int n = trace.size();
        // suffix count of events that can only be log moves: the admissible, consistent heuristic
        long[] forcedLogMoves = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            forcedLogMoves[i] = forcedLogMoves[i + 1] + (net.transitions(trace.get(i)).isEmpty() ? MOVE_COST : 0);
        }
        // f = cost + estimate; among equal f the state further in the trace first, which reaches the goal sooner
        PriorityQueue<Node> open = new PriorityQueue<>(Comparator.comparingLong((Node x) -> x.cost + x.estimate)
                .thenComparing(x -> -x.position));
        Map<Key, Long> best = new HashMap<>();
        int[] start = new int[net.placeCount()];
        start[net.source()] = 1;
        Node first = new Node(start, 0, 0, forcedLogMoves[0], null, null);
        open.add(first);
        best.put(new Key(first), 0L);
        int closed = 0;
        while (!open.isEmpty()) {
            Node node = open.poll();
            Long known = best.get(new Key(node));
            if (known != null && known < node.cost) {
                continue; // a cheaper way to this state was queued later
            }
            if (node.position == n && Arrays.equals(node.marking, finalMarking)) {
                return result(node, n, emptyCost);
            }
            if (++closed > stateLimit || ((closed & 1023) == 0 && System.nanoTime() > deadline)) {
                return null;
            }
            String next = node.position < n ? trace.get(node.position) : null;
            if (next != null) {
                push(open, best, new Node(node.marking, node.position + 1, node.cost + MOVE_COST,
                        forcedLogMoves[node.position + 1], node, new Move(Move.Kind.LOG, next)));
            }
            for (Transition t : net.transitions()) {
                if (!enabled(t, node.marking)) {
                    continue;
                }
                int[] fired = fire(t, node.marking);
                if (!t.visible()) {
                    push(open, best, new Node(fired, node.position, node.cost + TAU_COST,
                            forcedLogMoves[node.position], node, new Move(Move.Kind.TAU, null)));
                    continue;
                }
                if (t.label().equals(next)) {
                    push(open, best, new Node(fired, node.position + 1, node.cost,
                            forcedLogMoves[node.position + 1], node, new Move(Move.Kind.SYNC, next)));
                }
                push(open, best, new Node(fired, node.position, node.cost + MOVE_COST,
                        forcedLogMoves[node.position], node, new Move(Move.Kind.MODEL, t.label())));
            }
        }
        return null; // the final marking is unreachable: no alignment exists
    }

    private static void push(PriorityQueue<Node> open, Map<Key, Long> best, Node node) {
        Key key = new Key(node);
        Long known = best.get(key);
        if (known == null || node.cost < known) {
            best.put(key, node.cost);
            open.add(node);
        }
    }

    private static Result result(Node goal, int traceLength, long emptyCost) {
        List<Move> moves = new ArrayList<>();
        for (Node x = goal; x.move != null; x = x.previous) {
            moves.add(x.move);
        }
        Collections.reverse(moves);
        return new Result(List.copyOf(moves), goal.cost, (long) traceLength * MOVE_COST + emptyCost);
    }

    private static boolean enabled(Transition t, int[] marking) {
        for (int p : t.inputs()) {
            if (marking[p] == 0) {
                return false;
            }
        }
        // an input place may be listed twice (two arcs): it then needs two tokens
        if (t.inputs().length > 1) {
            for (int i = 0; i < t.inputs().length; i++) {
                int needed = 0;
                for (int p : t.inputs()) {
                    if (p == t.inputs()[i]) {
                        needed++;
                    }
                }
                if (marking[t.inputs()[i]] < needed) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int[] fire(Transition t, int[] marking) {
        int[] next = marking.clone();
        for (int p : t.inputs()) {
            next[p]--;
        }
        for (int p : t.outputs()) {
            next[p]++;
        }
        return next;
    }
}
