package org.soleus.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line text progress bar redrawn in place with a carriage return, for a terminal only:
 * {@code [##########----------]  50%  2/4 GaCo01_01.txt: analysing}. Not thread-safe.
 */
final class ProgressBar {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    /** The widest line drawn: one less than the terminal's width, so that it never wraps. */
    private final int lineWidth;
    private int drawnWidth;

    /**
     * @param err     where to draw; should be a terminal
     * @param columns the terminal's width, in characters
     */
    ProgressBar(PrintWriter err, int columns) {
        this.err = err;
        this.lineWidth = Math.max(1, columns - 1);
    }

    /**
     * Redraws the bar.
     *
     * @param fraction done, 0..1
     * @param label    what is going on; cut to fit one line
     */
    void show(double fraction, String label) {
        double f = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(f * BAR_WIDTH);
        StringBuilder line = new StringBuilder(lineWidth + 1);
        line.append('[');
        for (int i = 0; i < BAR_WIDTH; i++) {
            line.append(i < filled ? '#' : '-');
        }
        line.append("] ").append(String.format(Locale.ROOT, "%3d%%  ", Math.round(f * 100))).append(label);
        if (line.length() > lineWidth) {
            line.setLength(lineWidth);
        }
        int width = line.length();
        while (line.length() < drawnWidth) {
            line.append(' ');
        }
        drawnWidth = width;
        err.print('\r');
        err.print(line);
        err.flush();
    }

    /** Erases the bar, leaving the cursor at the start of an empty line. */
    void clear() {
        if (drawnWidth > 0) {
            err.print('\r');
            err.print(" ".repeat(drawnWidth));
            err.print('\r');
            err.flush();
            drawnWidth = 0;
        }
    }
}
