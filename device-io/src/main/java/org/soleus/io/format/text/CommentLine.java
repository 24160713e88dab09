package org.soleus.io.format.text;

import java.util.Objects;

/**
 * A comment line met among the data rows ({@link DelimitedRowParser#comments}), with its place
 * in the file so that what it says can be reported there.
 *
 * @param line the 1-based line number in the whole file
 * @param text the line without its line end, comment marker included
 */
public record CommentLine(long line, String text) {
    public CommentLine {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, got " + line);
        }
        Objects.requireNonNull(text, "text");
    }

    /** The same comment {@code lines} lines further down: for one read in a part of a file. */
    CommentLine movedDown(long lines) {
        return lines == 0 ? this : new CommentLine(line + lines, text);
    }
}
