package io.clearflow.regtech.parse;

/**
 * A document was refused whole: ill-formed, hostile (DTD, entities) or not a feed. Line and column
 * point into the document when the parser knows them.
 */
public class FeedParseException extends Exception {

    private final Integer line;
    private final Integer column;
    private String key;
    private transient Object[] args = new Object[0];

    public FeedParseException(String message, Integer line, Integer column) {
        super(message + (line != null && line > 0 ? " (line " + line + (column != null && column > 0 ? ", column " + column : "") + ")" : ""));
        this.line = line;
        this.column = column;
    }

    public FeedParseException(String message) {
        this(message, null, null);
    }

    /**
     * Adds the bundle key ({@code regtech.poll.error.*}) and arguments the sources page shows in the
     * reader's language; the English message stays for REST and the log.
     */
    public FeedParseException keyed(String key, Object... args) {
        this.key = key;
        this.args = args == null ? new Object[0] : args;
        return this;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /** " (line 3, column 7)" in the reader's words is built by the page from these; 0 when unknown. */
    public int lineOrZero() {
        return line == null || line < 0 ? 0 : line;
    }

    public int columnOrZero() {
        return column == null || column < 0 ? 0 : column;
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }
}
