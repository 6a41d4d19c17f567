package io.clearflow.mining.discovery;

import io.clearflow.mining.discovery.ProcessTree.Activity;
import io.clearflow.mining.discovery.ProcessTree.Node;
import io.clearflow.mining.discovery.ProcessTree.Operator;
import io.clearflow.mining.discovery.ProcessTree.Tau;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a process tree out as BPMN shapes and sequence flows, left to right: each operator a block with one split and
 * one join gateway, branches stacked vertically, a loop's redo part below its body. Ids are numbered in the order
 * the elements are placed.
 */
final class BpmnLayout {

    private static final int TASK_W = 110;
    private static final int TASK_H = 70;
    private static final int GW = 50;
    private static final int EVENT = 36;
    private static final int GAP_X = 45;
    private static final int GAP_Y = 30;
    private static final int TAU_ROW = 30;

    record Shape(String id, String kind, String name, int x, int y, int w, int h) {
        int cx() { return x + w / 2; }
        int cy() { return y + h / 2; }
        int right() { return x + w; }
        int bottom() { return y + h; }
    }

    record Flow(String id, String source, String target, List<int[]> points) {
    }

    /** Size of a laid-out block and the height of its entry/exit axis from its top. */
    private record Size(int w, int h, int axis) {
    }

    /** Entry and exit element of a placed block; null for a silent block (a direct flow). */
    private record Ends(Shape entry, Shape exit) {
    }

    private final List<Shape> shapes = new ArrayList<>();
    private final List<Flow> flows = new ArrayList<>();
    private int ids;

    private BpmnLayout() {
    }

    /** The shapes and flows of a start event, the tree's blocks and an end event, connected in that order. */
    static BpmnLayout of(ProcessTree tree) {
        BpmnLayout layout = new BpmnLayout();
        layout.lay(tree);
        return layout;
    }

    List<Shape> shapes() {
        return shapes;
    }

    List<Flow> flows() {
        return flows;
    }

    private void lay(ProcessTree tree) {
        Size size = measure(tree);
        int top = 40;
        int axisY = top + Math.max(size.axis(), EVENT / 2);
        Shape start = shape("startEvent", null, 40, axisY - EVENT / 2, EVENT, EVENT);
        int x = start.right() + GAP_X;
        Ends body = place(tree, x, axisY - size.axis());
        x += size.w() + (size.w() > 0 ? GAP_X : 0);
        Shape end = shape("endEvent", null, x, axisY - EVENT / 2, EVENT, EVENT);
        if (body == null) {
            connect(start, end);
        } else {
            connect(start, body.entry());
            connect(body.exit(), end);
        }
    }

    private Size measure(ProcessTree tree) {
        if (tree instanceof Tau) {
            return new Size(0, 0, 0);
        }
        if (tree instanceof Activity) {
            return new Size(TASK_W, TASK_H, TASK_H / 2);
        }
        Node node = (Node) tree;
        switch (node.operator()) {
            case SEQUENCE -> {
                int w = 0;
                int above = 0;
                int below = 0;
                for (ProcessTree child : node.children()) {
                    Size s = measure(child);
                    w += s.w() + (w > 0 ? GAP_X : 0);
                    above = Math.max(above, s.axis());
                    below = Math.max(below, s.h() - s.axis());
                }
                return new Size(w, above + below, above);
            }
            case XOR, PARALLEL -> {
                int w = 0;
                int h = 0;
                for (ProcessTree child : node.children()) {
                    Size s = measure(child);
                    w = Math.max(w, s.w());
                    h += (s.w() == 0 ? TAU_ROW : s.h()) + (h > 0 ? GAP_Y : 0);
                }
                h = Math.max(h, GW);
                return new Size(w + 2 * (GW + GAP_X), h, Math.max(GW / 2, firstRowAxis(node)));
            }
            case LOOP -> {
                Size body = measure(node.children().get(0));
                Size redo = measure(node.children().get(1));
                int axis = Math.max(body.axis(), GW / 2);
                int bodyBelow = Math.max(body.h() - body.axis(), GW / 2);
                int w = Math.max(body.w(), redo.w()) + 2 * (GW + GAP_X) ;
                int h = axis + bodyBelow + GAP_Y + Math.max(redo.h(), TAU_ROW) + GAP_Y;
                return new Size(w, h, axis);
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Gateways of a choice sit on the axis of its first branch, so the main path stays straight. */
    private int firstRowAxis(Node node) {
        Size first = measure(node.children().get(0));
        return first.w() == 0 ? TAU_ROW / 2 : first.axis();
    }

    /** Places the block with its top-left corner at (x, top); returns its entry and exit. */
    private Ends place(ProcessTree tree, int x, int top) {
        if (tree instanceof Tau) {
            return null;
        }
        Size size = measure(tree);
        int axisY = top + size.axis();
        if (tree instanceof Activity a) {
            Shape task = shape("userTask", a.name(), x, top, TASK_W, TASK_H);
            return new Ends(task, task);
        }
        Node node = (Node) tree;
        switch (node.operator()) {
            case SEQUENCE -> {
                Ends first = null;
                Shape previous = null;
                int cx = x;
                for (ProcessTree child : node.children()) {
                    Size s = measure(child);
                    Ends ends = place(child, cx, axisY - s.axis());
                    if (ends != null) {
                        if (previous != null) {
                            connect(previous, ends.entry());
                        }
                        if (first == null) {
                            first = ends;
                        }
                        previous = ends.exit();
                        cx += s.w() + GAP_X;
                    }
                }
                return first == null ? null : new Ends(first.entry(), previous);
            }
            case XOR, PARALLEL -> {
                String kind = node.operator() == Operator.XOR ? "exclusiveGateway" : "parallelGateway";
                Shape split = shape(kind, null, x, axisY - GW / 2, GW, GW);
                Shape join = shape(kind, null, x + size.w() - GW, axisY - GW / 2, GW, GW);
                int rowTop = top;
                int innerX = split.right() + GAP_X;
                for (ProcessTree child : node.children()) {
                    Size s = measure(child);
                    Ends ends = place(child, innerX, rowTop);
                    if (ends == null) {
                        int rowY = rowTop + TAU_ROW / 2;
                        bypass(split, join, rowY);
                        rowTop += TAU_ROW + GAP_Y;
                    } else {
                        connect(split, ends.entry());
                        connect(ends.exit(), join);
                        rowTop += s.h() + GAP_Y;
                    }
                }
                return new Ends(split, join);
            }
            case LOOP -> {
                Shape join = shape("exclusiveGateway", null, x, axisY - GW / 2, GW, GW);
                Shape split = shape("exclusiveGateway", null, x + size.w() - GW, axisY - GW / 2, GW, GW);
                ProcessTree bodyTree = node.children().get(0);
                ProcessTree redoTree = node.children().get(1);
                Size body = measure(bodyTree);
                Ends bodyEnds = place(bodyTree, join.right() + GAP_X, axisY - body.axis());
                if (bodyEnds == null) {
                    connect(join, split);
                } else {
                    connect(join, bodyEnds.entry());
                    connect(bodyEnds.exit(), split);
                }
                int redoTop = axisY + Math.max(body.h() - body.axis(), GW / 2) + GAP_Y;
                Ends redoEnds = place(redoTree, join.right() + GAP_X, redoTop);
                if (redoEnds == null) {
                    int rowY = redoTop + TAU_ROW / 2;
                    flow(split, join, List.of(new int[] {split.cx(), split.bottom()}, new int[] {split.cx(), rowY},
                            new int[] {join.cx(), rowY}, new int[] {join.cx(), join.bottom()}));
                } else {
                    Size redo = measure(redoTree);
                    int laneAbove = redoTop - GAP_Y / 2;
                    int laneBelow = redoTop + redo.h() + GAP_Y / 2;
                    Shape in = redoEnds.entry();
                    Shape out = redoEnds.exit();
                    flow(split, in, List.of(new int[] {split.cx(), split.bottom()}, new int[] {split.cx(), laneBelow},
                            new int[] {in.x() - 15, laneBelow}, new int[] {in.x() - 15, in.cy()},
                            new int[] {in.x(), in.cy()}));
                    flow(out, join, List.of(new int[] {out.right(), out.cy()}, new int[] {out.right() + 15, out.cy()},
                            new int[] {out.right() + 15, laneAbove}, new int[] {join.cx(), laneAbove},
                            new int[] {join.cx(), join.bottom()}));
                }
                return new Ends(join, split);
            }
            default -> throw new IllegalStateException();
        }
    }

    private void bypass(Shape split, Shape join, int rowY) {
        if (rowY == split.cy()) {
            flow(split, join, List.of(new int[] {split.right(), split.cy()}, new int[] {join.x(), join.cy()}));
        } else {
            flow(split, join, List.of(new int[] {split.cx(), split.bottom()}, new int[] {split.cx(), rowY},
                    new int[] {join.cx(), rowY}, new int[] {join.cx(), join.bottom()}));
        }
    }

    /** Straight when on one axis; otherwise leaves or enters a gateway vertically. */
    private void connect(Shape from, Shape to) {
        List<int[]> points = new ArrayList<>();
        if (from.cy() == to.cy()) {
            points.add(new int[] {from.right(), from.cy()});
            points.add(new int[] {to.x(), to.cy()});
        } else if (from.kind().endsWith("Gateway")) {
            points.add(new int[] {from.cx(), to.cy() > from.cy() ? from.bottom() : from.y()});
            points.add(new int[] {from.cx(), to.cy()});
            points.add(new int[] {to.x(), to.cy()});
        } else {
            points.add(new int[] {from.right(), from.cy()});
            points.add(new int[] {to.cx(), from.cy()});
            points.add(new int[] {to.cx(), from.cy() > to.cy() ? to.bottom() : to.y()});
        }
        flow(from, to, points);
    }

    private void flow(Shape from, Shape to, List<int[]> points) {
        flows.add(new Flow("flow_" + (++ids), from.id(), to.id(), points));
    }

    private Shape shape(String kind, String name, int x, int y, int w, int h) {
        String prefix = switch (kind) {
            case "userTask" -> "task_";
            case "startEvent" -> "start_";
            case "endEvent" -> "end_";
            default -> "gateway_";
        };
        Shape s = new Shape(prefix + (++ids), kind, name, x, y, w, h);
        shapes.add(s);
        return s;
    }
}
