package io.clearflow.mining.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A process tree (the inductive miner's output): sound by construction, because every operator
 * block has one entry and one exit. Leaves are activities or the silent step tau.
 */
public sealed interface ProcessTree {

    record Activity(String name) implements ProcessTree {
        @Override
        public String toString() {
            return "'" + name + "'";
        }
    }

    record Tau() implements ProcessTree {
        @Override
        public String toString() {
            return "tau";
        }
    }

    enum Operator { SEQUENCE("->"), XOR("X"), PARALLEL("+"), LOOP("*");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** For {@code LOOP}, the first child is the do part and the others are alternative redo parts. */
    record Node(Operator operator, List<ProcessTree> children) implements ProcessTree {
        public Node {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            return operator.symbol + "(" + children.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
        }
    }

    ProcessTree TAU = new Tau();

    static ProcessTree node(Operator operator, List<ProcessTree> children) {
        return new Node(operator, children);
    }

    /**
     * Flattens nested operators of the same kind, drops tau from sequences and parallel blocks,
     * collapses one-child operators and turns a loop with several redo parts into a loop with one
     * exclusive-choice redo part, so the BPMN writer meets only simple shapes.
     */
    static ProcessTree normalise(ProcessTree tree) {
        if (!(tree instanceof Node node)) {
            return tree;
        }
        List<ProcessTree> children = new ArrayList<>();
        for (ProcessTree child : node.children()) {
            children.add(normalise(child));
        }
        switch (node.operator()) {
            case LOOP -> {
                ProcessTree body = children.get(0);
                ProcessTree redo = children.size() == 2 ? children.get(1)
                        : normalise(new Node(Operator.XOR, children.subList(1, children.size())));
                return new Node(Operator.LOOP, List.of(body, redo));
            }
            case SEQUENCE, PARALLEL, XOR -> {
                List<ProcessTree> flat = new ArrayList<>();
                boolean tauSeen = false;
                for (ProcessTree child : children) {
                    if (child instanceof Node n && n.operator() == node.operator()) {
                        flat.addAll(n.children());
                    } else if (child instanceof Tau) {
                        if (node.operator() == Operator.XOR && !tauSeen) {
                            flat.add(child);
                        }
                        tauSeen = true;
                    } else {
                        flat.add(child);
                    }
                }
                if (flat.isEmpty()) {
                    return TAU;
                }
                return flat.size() == 1 ? flat.get(0) : new Node(node.operator(), flat);
            }
            default -> throw new IllegalStateException();
        }
    }
}
