package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file's content is not what its format expects. The message is one line:
 * {@code <file>:<line>:<column>: <what was expected>} (line and column 1-based; either is
 * left out when it does not apply, e.g. for a binary file or a missing companion file).
 */
public final class DataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final long line;
    private final int column;
    private final String problem;

    /**
     * @param file    the file at fault
     * @param line    1-based line, or 0 when not applicable
     * @param column  1-based column, or 0 when not applicable
     * @param problem what was expected and what was found
     */
    public DataFormatException(Path file, long line, int column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String format(Path file, long line, int column, String problem) {
        return location(file, line, column) + ": " + problem;
    }

    /**
     * {@code <file>:<line>:<column>}, the line and column left out where 0 (the column also
     * where the line is): the location that begins a message, of an error or of a warning.
     */
    static String location(Path file, long line, int column) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0. */
    public long line() {
        return line;
    }

    /** 1-based column, or 0. */
    public int column() {
        return column;
    }

    /** What was expected and what was found: the message without its location. */
    public String problem() {
        return problem;
    }

    /**
     * The same error {@code lines} lines further down the file: for a part of a file read on
     * its own, whose lines were counted from 1 at its start. An error without a line stays as
     * it is.
     */
    DataFormatException movedDown(long lines) {
        if (line == 0 || lines == 0) {
            return this;
        }
        DataFormatException moved = new DataFormatException(file, line + lines, column, problem);
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
