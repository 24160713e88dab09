package org.soleus.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line text progress bar redrawn in place with a carriage return, for a terminal only:
 * {@code [##########----------]  50%  2/4 GaCo01_01.txt: analysing}. Not thread-safe.
 */
final class ProgressBar {

    private static final int BAR_WIDTH = 24;
    private static final int LINE_WIDTH = 79;

    private final PrintWriter err;
    private int drawnWidth;

    /** @param err where to draw; should be a terminal */
    ProgressBar(PrintWriter err) {
        this.err = err;
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
        StringBuilder line = new StringBuilder(LINE_WIDTH + 1);
        line.append('[');
        for (int i = 0; i < BAR_WIDTH; i++) {
            line.append(i < filled ? '#' : '-');
        }
        line.append("] ").append(String.format(Locale.ROOT, "%3d%%  ", Math.round(f * 100))).append(label);
        if (line.length() > LINE_WIDTH) {
            line.setLength(LINE_WIDTH);
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
