package io.clearflow.bots.documents;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * The module's one OCR service: Tesseract through Tess4J's low-level API, one engine per thread and
 * {@link Engine} setup, initialised once (loading chi_sim costs far more than a page), fed an 8-bit
 * grey page, read back word by word with confidences and line starts ({@link #read}), with each word's
 * bounding box as well ({@link #readPage}, for layout-aware extraction) or as plain text ({@link #readText}). Tess4J's convenience class re-initialises the engine on every call, hence this.
 * Statements use {@link Engine#block}; the ID-card reader its own setups (automatic layout, a digits-only
 * whitelist).
 *
 * <p>Traps (stack.md): the datapath must be set, or the JVM crashes natively instead of throwing; and
 * OpenMP must be limited to one thread ({@code OMP_THREAD_LIMIT=1}), or pages get slower on 2 cores.
 * The variable is set in surefire's environment and the start scripts, and, as a guard, in this process
 * before the library loads ({@link TessLibrary}).
 */
public final class TesseractOcr implements AutoCloseable {

    public static final String DEFAULT_DATAPATH = "/usr/share/tesseract-ocr/5/tessdata";

    /**
     * How an engine is set up: its language model(s), page segmentation, engine mode and Tesseract variables.
     * Each distinct setup gets its own engine per thread.
     */
    public record Engine(String language, int pageSegMode, int engineMode, Map<String, String> variables) {

        public Engine {
            variables = Map.copyOf(variables);
        }

        /** A uniform block of text, spaces between words kept, LSTM only: statements are lines of label/value pairs and table rows. */
        public static Engine block(String language) {
            return new Engine(language, ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY,
                    Map.of("preserve_interword_spaces", "1"));
        }

        /** Tesseract's automatic page segmentation and default engine mode (as Tess4J's {@code Tesseract} class). */
        public static Engine auto(String language) {
            return new Engine(language, ITessAPI.TessPageSegMode.PSM_AUTO, ITessAPI.TessOcrEngineMode.OEM_DEFAULT, Map.of());
        }

        /** The same setup with one more Tesseract variable (e.g. {@code tessedit_char_whitelist}). */
        public Engine with(String variable, String value) {
            Map<String, String> more = new TreeMap<>(variables);
            more.put(variable, value);
            return new Engine(language, pageSegMode, engineMode, more);
        }
    }

    private final String datapath;
    private final Engine statements;
    private final Engine latin;
    private final ThreadLocal<Map<Engine, ITessAPI.TessBaseAPI>> handles = ThreadLocal.withInitial(HashMap::new);
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
        this.statements = Engine.block(language);
        this.latin = Engine.block("eng");
    }


    private synchronized ITessAPI.TessBaseAPI newHandle(Engine engine) {
        TessAPI t = TessLibrary.api();
        ITessAPI.TessBaseAPI handle = t.TessBaseAPICreate();
        if (t.TessBaseAPIInit2(handle, datapath, engine.language(), engine.engineMode()) != 0) {
            t.TessBaseAPIDelete(handle);
            throw new IllegalStateException("Tesseract could not start with " + engine.language() + " from " + datapath);
        }
        t.TessBaseAPISetPageSegMode(handle, engine.pageSegMode());
        engine.variables().forEach((name, value) -> t.TessBaseAPISetVariable(handle, name, value));
        all.add(handle);
        return handle;
    }

    /** This thread's engine of that setup, started at its first use. */
    private ITessAPI.TessBaseAPI handle(Engine engine) {
        return handles.get().computeIfAbsent(engine, this::newHandle);
    }

    /** Reads an 8-bit grey (already binarised) page into lines, each word with its confidence. */
    public List<TextLine> read(BufferedImage grey, int dpi) {
        return read(statements, grey, dpi);
    }

    /** The same with the English model only, for pages without Chinese. */
    public List<TextLine> readLatin(BufferedImage grey, int dpi) {
        return read(latin, grey, dpi);
    }

    /** Reads an 8-bit grey image with an engine of the given setup into lines, each word with its confidence. */
    public List<TextLine> read(Engine engine, BufferedImage grey, int dpi) {
        ITessAPI.TessBaseAPI handle = handle(engine);
        return recognise(handle, grey, dpi, () -> lines(handle), List.of());
    }

    /** Reads an 8-bit grey image with an engine of the given setup into plain text, lines separated by newlines. */
    public String readText(Engine engine, BufferedImage grey, int dpi) {
        ITessAPI.TessBaseAPI handle = handle(engine);
        return recognise(handle, grey, dpi, () -> {
            Pointer p = TessLibrary.api().TessBaseAPIGetUTF8Text(handle);
            if (p == null) {
                return "";
            }
            try {
                return p.getString(0, "UTF-8");
            } finally {
                TessLibrary.api().TessDeleteText(p);
            }
        }, "");
    }

    /** Sets the image, recognises it, reads the result ({@code nothing} when Tesseract fails) and clears the engine. */
    private <T> T recognise(ITessAPI.TessBaseAPI handle, BufferedImage grey, int dpi, Supplier<T> result, T nothing) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expects TYPE_BYTE_GRAY");
        }
        TessAPI t = TessLibrary.api();
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
        buffer.put(pixels).flip();
        t.TessBaseAPISetImage(handle, buffer, grey.getWidth(), grey.getHeight(), 1, grey.getWidth());
        t.TessBaseAPISetSourceResolution(handle, dpi);
        try {
            if (t.TessBaseAPIRecognize(handle, null) != 0) {
                return nothing;
            }
            return result.get();
        } finally {
            t.TessBaseAPIClear(handle);
        }
    }

    /**
     * A page as read: its lines (words joined, with confidences), every word with its box and, where parts were read
     * again with another model, their first reading.
     */
    public record Page(List<TextLine> lines, List<Word> words, List<Word> otherReading) {
        public Page(List<TextLine> lines, List<Word> words) {
            this(lines, words, List.of());
        }
    }

    /**
     * Reads an 8-bit grey (already binarised) page into lines and into words with their bounding boxes (pixels of
     * {@code grey}) and confidences, in one recognition; {@code page} is the page number the words carry.
     */
    public Page readPage(BufferedImage grey, int dpi, int page) {
        return readPage(statements, grey, dpi, page);
    }

    /** The same with the English model only, for pages without Chinese. */
    public Page readPageLatin(BufferedImage grey, int dpi, int page) {
        return readPage(latin, grey, dpi, page);
    }

    /** Reads an 8-bit grey image with an engine of the given setup into lines and boxed words. */
    public Page readPage(Engine engine, BufferedImage grey, int dpi, int page) {
        ITessAPI.TessBaseAPI handle = handle(engine);
        return recognise(handle, grey, dpi, () -> TessResults.page(handle, page), new Page(List.of(), List.of()));
    }

    /** The recognised words, line by line, with their confidences (0..1). */
    private List<TextLine> lines(ITessAPI.TessBaseAPI handle) {
        return TessResults.page(handle, 0).lines();
    }


    @Override
    public synchronized void close() {
        TessAPI t = TessLibrary.loaded();
        if (t != null) {
            all.forEach(h -> {
                t.TessBaseAPIEnd(h);
                t.TessBaseAPIDelete(h);
            });
        }
        all.clear();
    }

}
