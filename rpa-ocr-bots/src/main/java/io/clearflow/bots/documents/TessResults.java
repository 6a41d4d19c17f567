package io.clearflow.bots.documents;

import com.sun.jna.Pointer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/** What an engine recognised, read back through Tesseract's result iterator word by word. */
final class TessResults {

    private TessResults() {
    }

    /** The recognised words with their boxes and confidences (0..1), and joined line by line. */
    static TesseractOcr.Page page(ITessAPI.TessBaseAPI handle, int page) {
        TessAPI t = TessLibrary.api();
        List<TextLine> lines = new ArrayList<>();
        List<Word> boxed = new ArrayList<>();
        ITessAPI.TessResultIterator ri = t.TessBaseAPIGetIterator(handle);
        if (ri == null) {
            return new TesseractOcr.Page(lines, boxed);
        }
        IntBuffer left = IntBuffer.allocate(1);
        IntBuffer top = IntBuffer.allocate(1);
        IntBuffer right = IntBuffer.allocate(1);
        IntBuffer bottom = IntBuffer.allocate(1);
        try {
            ITessAPI.TessPageIterator pi = t.TessResultIteratorGetPageIterator(ri);
            List<String> words = new ArrayList<>();
            List<Float> confidences = new ArrayList<>();
            int level = ITessAPI.TessPageIteratorLevel.RIL_WORD;
            do {
                if (t.TessPageIteratorIsAtBeginningOf(pi, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE) != 0
                        && !words.isEmpty()) {
                    lines.add(TextLine.ofWords(words, confidences));
                    words = new ArrayList<>();
                    confidences = new ArrayList<>();
                }
                Pointer p = t.TessResultIteratorGetUTF8Text(ri, level);
                if (p == null) {
                    continue;
                }
                String word = p.getString(0, "UTF-8");
                t.TessDeleteText(p);
                if (!word.isBlank()) {
                    float confidence = Math.max(0f, Math.min(1f, t.TessResultIteratorConfidence(ri, level) / 100f));
                    words.add(word.strip());
                    confidences.add(confidence);
                    if (t.TessPageIteratorBoundingBox(pi, level, left, top, right, bottom) != 0) {
                        boxed.add(new Word(word.strip(), page, left.get(0), top.get(0), right.get(0), bottom.get(0), confidence));
                    }
                }
            } while (t.TessResultIteratorNext(ri, level) != 0);
            if (!words.isEmpty()) {
                lines.add(TextLine.ofWords(words, confidences));
            }
        } finally {
            t.TessResultIteratorDelete(ri);
        }
        return new TesseractOcr.Page(lines, boxed);
    }
}
