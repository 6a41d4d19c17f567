package io.clearflow.engine.governance.bpmn;

import java.awt.GraphicsEnvironment;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.image.impl.DefaultProcessDiagramGenerator;

/**
 * Draws a model as PNG with Flowable's own diagram generator, from the file's BPMN DI. A model
 * without DI cannot be drawn: the caller shows a message instead. Labels use a CJK font when the
 * machine has one, so Chinese activity names are readable.
 */
public final class DiagramRenderer {

    private static final List<String> PREFERRED_FONTS = List.of("WenQuanYi Zen Hei", "Noto Sans CJK SC",
            "Noto Sans SC", "Source Han Sans SC", "AR PL UMing CN", "SimSun", "Microsoft YaHei");
    private static volatile String font;

    /** The model has no diagram information, or the generator failed on it. */
    public static final class NotDrawable extends Exception {
        public NotDrawable(String message) {
            super(message);
        }
    }

    private DiagramRenderer() {
    }

    public static byte[] png(BpmnModel model) throws NotDrawable {
        if (model.getLocationMap().isEmpty()) {
            throw new NotDrawable("the model has no diagram information (BPMN DI); open it in a modeller and save it with its diagram");
        }
        try (InputStream in = new DefaultProcessDiagramGenerator().generateDiagram(model, "png", font(), font(), font(),
                DiagramRenderer.class.getClassLoader(), 1.0, true)) {
            return in.readAllBytes();
        } catch (Exception | Error e) {
            throw new NotDrawable("the diagram cannot be drawn: " + SecureBpmnReader.message(e));
        }
    }

    private static String font() {
        if (font == null) {
            String chosen = "SansSerif";
            try {
                Set<String> available = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
                chosen = PREFERRED_FONTS.stream().filter(available::contains).findFirst().orElse("SansSerif");
            } catch (Error | RuntimeException e) {
                // no font configuration on this machine: the generator's default still draws shapes
            }
            font = chosen;
        }
        return font;
    }
}
