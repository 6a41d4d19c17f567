package io.clearflow.bots.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text layer's words with their boxes (PDF points scaled to {@link DocumentReader#OCR_DPI} pixels, top-down),
 * split at blanks, collected while PDFBox extracts the text.
 */
final class WordStripper extends PDFTextStripper {

    private static final float SCALE = DocumentReader.OCR_DPI / 72f;
    private final List<Word> words = new ArrayList<>();
    private int page;

    void start(int pageIndex) {
        page = pageIndex;
        words.clear();
    }

    List<Word> words() {
        return List.copyOf(words);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        super.writeString(text, positions);
        StringBuilder word = new StringBuilder();
        float[] box = null;
        for (TextPosition p : positions) {
            String u = p.getUnicode();
            if (u == null || u.isBlank()) {
                add(word, box);
                word.setLength(0);
                box = null;
                continue;
            }
            float x0 = p.getXDirAdj();
            float y1 = p.getYDirAdj();
            float y0 = y1 - Math.max(p.getHeightDir(), 1f);
            float x1 = x0 + p.getWidthDirAdj();
            box = box == null ? new float[] {x0, y0, x1, y1}
                    : new float[] {Math.min(box[0], x0), Math.min(box[1], y0), Math.max(box[2], x1), Math.max(box[3], y1)};
            word.append(u);
        }
        add(word, box);
    }

    private void add(StringBuilder word, float[] box) {
        if (box != null && word.length() > 0) {
            words.add(new Word(word.toString(), page, Math.round(box[0] * SCALE), Math.round(box[1] * SCALE),
                    Math.round(box[2] * SCALE), Math.round(box[3] * SCALE), 1f));
        }
    }
}
