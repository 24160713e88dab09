package org.soleus.cli;

import java.io.IOException;

/**
 * A failure that ends a command, with a note to add to its one-line message
 * ({@link ErrorHandler#describe}): what the failure left as it was, say. The cause is the
 * failure itself, described as it would be alone.
 */
final class NotedFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private final String note;

    /**
     * @param failure the failure
     * @param note    what the message adds, from its separator on ({@code "; ..."})
     */
    NotedFailure(Exception failure, String note) {
        super(failure.getMessage() + note, failure);
        this.note = note;
    }

    /** What the message adds to the failure's. */
    String note() {
        return note;
    }
}
