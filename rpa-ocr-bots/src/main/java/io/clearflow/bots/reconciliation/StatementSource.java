package io.clearflow.bots.reconciliation;

import io.clearflow.bots.runtime.BotSource;
import java.util.List;

/** Where electronic statements come from: a folder by default, an HTTP endpoint as the second adapter. */
public interface StatementSource {

    /** Everything waiting now. */
    List<IncomingDocument> fetch();

    /** The document was handed to the platform (or recognised as a duplicate): the source may let it go. */
    default void acknowledge(IncomingDocument document) { }

    /** What and where it is, for run reports and the console. */
    BotSource describe();
}
