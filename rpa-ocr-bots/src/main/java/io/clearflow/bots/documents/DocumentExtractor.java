package io.clearflow.bots.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The extraction service: read (text layer or OCR), classify, extract. Thread-safe; each thread gets its own
 * Tesseract engine, created on first need, so text-layer PDFs never load it.
 */
public class DocumentExtractor implements AutoCloseable {

    /** An extraction with the first page as PNG, for the person who confirms it. */
    public record Result(Extraction extraction, byte[] previewPng) { }

    private final DocumentTypes types;
    private final DocumentClassifier classifier;
    private final FieldExtractor fields;
    private final DocumentReader reader;
    private final OcrStatus ocrStatus;
    private volatile TesseractOcr ocr;

    public DocumentExtractor(DocumentTypes types, String tessdata) {
        this(types, OcrStatus.probe(tessdata));
    }

    /** Without OCR here, text-layer PDFs are still read; a page that needs OCR throws {@link OcrUnavailableException}. */
    public DocumentExtractor(DocumentTypes types, OcrStatus ocrStatus) {
        this.types = types;
        this.classifier = new DocumentClassifier(types);
        this.fields = new FieldExtractor(types);
        this.ocrStatus = ocrStatus;
        this.reader = new DocumentReader(this::ocr);
    }

    private TesseractOcr ocr() {
        if (!ocrStatus.available()) {
            throw ocrStatus.unavailableException();
        }
        if (ocr == null) {
            synchronized (this) {
                if (ocr == null) {
                    ocr = new TesseractOcr(ocrStatus.datapath(), "chi_sim");
                }
            }
        }
        return ocr;
    }

    public OcrStatus ocrStatus() {
        return ocrStatus;
    }

    public DocumentTypes types() {
        return types;
    }

    /**
     * @throws DocumentRejectedException when the file cannot be read at all
     * @throws OcrUnavailableException   when it needs OCR and this JVM has none
     */
    public Extraction extract(byte[] content) {
        return extractWithPreview(content, false).extraction();
    }

    public Result extractWithPreview(byte[] content, boolean withPreview) {
        ReadDocument doc = reader.read(content, withPreview);
        var classification = classifier.classify(doc.fullText());
        Extraction extraction = fields.extract(classification.typeId(), doc);
        return new Result(extraction, withPreview ? png(doc.preview()) : null);
    }

    static byte[] png(BufferedImage image) {
        if (image == null) {
            return null;
        }
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (ocr != null) {
            ocr.close();
        }
    }
}
