package io.clearflow.bots.documents;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A document turned into lines of text, with how it was read and a preview of its first page for people
 * (the confirmation page shows it next to the extracted fields).
 *
 * @param method  {@code text-layer} or {@code ocr}
 * @param preview first page, scaled for display; null when there is nothing to show
 * @param words   every word with its box and page, for layout-aware extraction (empty when not known)
 * @param otherReading the first reading of cells that were read again with another model (their words in
 *                {@code words} are the second reading), to settle a value that one reading leaves ambiguous
 */
public record ReadDocument(List<TextLine> lines, String method, int pages, BufferedImage preview, List<String> warnings,
                           List<Word> words, List<Word> otherReading) {

    public ReadDocument {
        words = words == null ? List.of() : words;
        otherReading = otherReading == null ? List.of() : otherReading;
    }

    /** With word boxes, one reading of each. */
    public ReadDocument(List<TextLine> lines, String method, int pages, BufferedImage preview, List<String> warnings,
                        List<Word> words) {
        this(lines, method, pages, preview, warnings, words, List.of());
    }

    /** Lines only, no word boxes: extraction then reads label and value on the same or the next line. */
    public ReadDocument(List<TextLine> lines, String method, int pages, BufferedImage preview, List<String> warnings) {
        this(lines, method, pages, preview, warnings, List.of());
    }

    public String fullText() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.text()).append('\n'));
        return sb.toString();
    }
}
