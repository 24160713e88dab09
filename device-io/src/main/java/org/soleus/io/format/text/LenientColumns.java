package org.soleus.io.format.text;

import java.nio.file.Path;
import java.util.List;

/**
 * The lenient columns of a {@link DelimitedRowParser} ({@link DelimitedRowParser#lenient}): which
 * they are, and per column how many cells were not numbers and on which line the first was, for
 * one warning per column ({@link #addWarnings}). The cells are counted only when one is met, so
 * this costs nothing per cell.
 */
final class LenientColumns {
    private final boolean[] lenient;
    private final long[] failures;
    private final long[] firstLine;

    LenientColumns(int columns) {
        this(new boolean[columns]);
    }

    private LenientColumns(boolean[] lenient) {
        this.lenient = lenient;
        this.failures = new long[lenient.length];
        this.firstLine = new long[lenient.length];
    }

    /** The same lenient columns with nothing counted yet: for the parser of another part. */
    LenientColumns forPart() {
        return new LenientColumns(lenient.clone());
    }

    /** Makes {@code column} lenient. */
    void allow(int column) {
        lenient[column] = true;
    }

    /** Whether {@code column} is lenient. */
    boolean allows(int column) {
        return lenient[column];
    }

    /** Counts a cell of {@code column}, on {@code line}, that is read as missing. */
    void count(int column, long line) {
        if (failures[column]++ == 0) {
            firstLine[column] = line;
        }
    }

    /**
     * Adds what {@code part} counted, whose first line follows {@code lineOffset} lines of the
     * text; parts must be absorbed in file order.
     */
    void absorb(LenientColumns part, long lineOffset) {
        for (int c = 0; c < failures.length; c++) {
            if (part.failures[c] > 0) {
                if (failures[c] == 0) {
                    firstLine[c] = part.firstLine[c] + lineOffset;
                }
                failures[c] += part.failures[c];
            }
        }
    }

    /** Adds one warning per lenient column that held non-numbers, with their count and first line. */
    void addWarnings(List<String> warnings, Path file, String[] labels) {
        for (int c = 0; c < failures.length; c++) {
            if (failures[c] > 0) {
                warnings.add(file + ":" + firstLine[c] + ":" + (c + 1) + ": column '" + labels[c]
                        + "' holds " + failures[c] + (failures[c] == 1 ? " cell that is not a number"
                        : " cells that are not numbers") + " (first on this line); read as missing");
            }
        }
    }
}
