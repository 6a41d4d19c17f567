package io.clearflow.regtech.parse;

/**
 * A document was refused whole: ill-formed, hostile (DTD, entities) or not a feed. Line and column
 * point into the document when the parser knows them.
 */
public class FeedParseException extends Exception {

    private final Integer line;
    private final Integer column;

    public FeedParseException(String message, Integer line, Integer column) {
        super(message + (line != null && line > 0 ? " (line " + line + (column != null && column > 0 ? ", column " + column : "") + ")" : ""));
        this.line = line;
        this.column = column;
    }

    public FeedParseException(String message) {
        this(message, null, null);
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }
}
