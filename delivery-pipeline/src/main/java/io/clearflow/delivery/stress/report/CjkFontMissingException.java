package io.clearflow.delivery.stress.report;

import java.util.List;

/**
 * No CJK font to embed: the PDF would show Chinese text as nothing, so none is produced. Answered as 503 naming the
 * places searched and how to fix it (install {@code fonts-wqy-zenhei} or set {@code clearflow.delivery.stress.pdf-font}).
 */
public class CjkFontMissingException extends RuntimeException {

    private final List<String> searched;

    CjkFontMissingException(List<String> searched) {
        super("no CJK font for the PDF report; searched " + searched);
        this.searched = List.copyOf(searched);
    }

    public List<String> searched() {
        return searched;
    }
}
