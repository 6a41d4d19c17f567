package io.clearflow.bots.documents;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Tesseract through Tess4J's low-level API: one engine per thread, initialised once (loading chi_sim
 * costs far more than a page), fed an 8-bit binarised page, read back word by word with confidences
 * and line starts. Tess4J's convenience class re-initialises the engine on every call, hence this.
 *
 * <p>Traps (stack.md): the datapath must be set, or the JVM crashes natively instead of throwing; and
 * OpenMP must be limited to one thread ({@code OMP_THREAD_LIMIT=1}), or pages get slower on 2 cores.
 * The variable is set in surefire's environment and the start scripts, and, as a guard, in this process
 * before the library loads (libgomp reads it when it initialises).
 */
public final class TesseractOcr implements AutoCloseable {

    public static final String DEFAULT_DATAPATH = "/usr/share/tesseract-ocr/5/tessdata";

    interface CLib extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private static volatile TessAPI api;

    private final String datapath;
    private final String language;
    private final ThreadLocal<ITessAPI.TessBaseAPI> handles;
    private final ThreadLocal<ITessAPI.TessBaseAPI> latinHandles;
    private final List<ITessAPI.TessBaseAPI> all = new ArrayList<>();

    public TesseractOcr(String datapath, String language) {
        if (datapath == null || !Files.isDirectory(Path.of(datapath))) {
            throw new IllegalStateException("Tesseract data folder not found: " + datapath
                    + " (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim)");
        }
        for (String lang : (language + "+eng").split("\\+")) {
            if (!Files.isRegularFile(Path.of(datapath, lang + ".traineddata"))) {
                throw new IllegalStateException("Tesseract language data missing: " + lang + " in " + datapath);
            }
        }
        this.datapath = datapath;
        this.language = language;
        this.handles = ThreadLocal.withInitial(() -> newHandle(language));
        this.latinHandles = ThreadLocal.withInitial(() -> newHandle("eng"));
    }

    /** Whether Tesseract and its data can be used here (tests skip OCR cases otherwise). */
    public static boolean available(String datapath) {
        try {
            return Files.isRegularFile(Path.of(datapath, "chi_sim.traineddata")) && api() != null;
        } catch (Throwable e) {
            return false;
        }
    }

    private static TessAPI api() {
        if (api == null) {
            synchronized (TesseractOcr.class) {
                if (api == null) {
                    try {
                        Native.load("c", CLib.class).setenv("OMP_THREAD_LIMIT", "1", 0);
                    } catch (Throwable ignored) {
                        // not fatal: only slower
                    }
                    api = TessAPI.INSTANCE;
                }
            }
        }
        return api;
    }

    private synchronized ITessAPI.TessBaseAPI newHandle(String language) {
        TessAPI t = api();
        ITessAPI.TessBaseAPI handle = t.TessBaseAPICreate();
        if (t.TessBaseAPIInit2(handle, datapath, language, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
            t.TessBaseAPIDelete(handle);
            throw new IllegalStateException("Tesseract could not start with " + language + " from " + datapath);
        }
        // a uniform block of text: statements are lines of label/value pairs and table rows
        t.TessBaseAPISetPageSegMode(handle, ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK);
        t.TessBaseAPISetVariable(handle, "preserve_interword_spaces", "1");
        all.add(handle);
        return handle;
    }

    /** Reads an 8-bit grey (already binarised) page into lines, each word with its confidence. */
    public List<TextLine> read(BufferedImage grey, int dpi) {
        return read(handles.get(), grey, dpi);
    }

    /** The same with the English model only, for pages without Chinese. */
    public List<TextLine> readLatin(BufferedImage grey, int dpi) {
        return read(latinHandles.get(), grey, dpi);
    }

    private List<TextLine> read(ITessAPI.TessBaseAPI handle, BufferedImage grey, int dpi) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expects TYPE_BYTE_GRAY");
        }
        TessAPI t = api();
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
        buffer.put(pixels).flip();
        t.TessBaseAPISetImage(handle, buffer, grey.getWidth(), grey.getHeight(), 1, grey.getWidth());
        t.TessBaseAPISetSourceResolution(handle, dpi);
        List<TextLine> lines = new ArrayList<>();
        try {
            if (t.TessBaseAPIRecognize(handle, null) != 0) {
                return lines;
            }
            ITessAPI.TessResultIterator ri = t.TessBaseAPIGetIterator(handle);
            if (ri == null) {
                return lines;
            }
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
                        words.add(word.strip());
                        confidences.add(Math.max(0f, Math.min(1f, t.TessResultIteratorConfidence(ri, level) / 100f)));
                    }
                } while (t.TessResultIteratorNext(ri, level) != 0);
                if (!words.isEmpty()) {
                    lines.add(TextLine.ofWords(words, confidences));
                }
            } finally {
                t.TessResultIteratorDelete(ri);
            }
        } finally {
            t.TessBaseAPIClear(handle);
        }
        return lines;
    }

    @Override
    public synchronized void close() {
        TessAPI t = api;
        if (t != null) {
            all.forEach(h -> {
                t.TessBaseAPIEnd(h);
                t.TessBaseAPIDelete(h);
            });
        }
        all.clear();
    }

}
