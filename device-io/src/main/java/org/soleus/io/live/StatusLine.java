package org.soleus.io.live;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The status line that a live command redraws in place at the bottom of a terminal, and the
 * messages printed above it. A message is printed on a line of its own: the status line is
 * erased first and drawn again at its next update. Messages from other threads (the reader
 * thread's disconnects and reconnects) are {@linkplain #post posted} and printed by the loop
 * thread at its next turn ({@link #printPosted}), so that none is written into a status line
 * being drawn. Where the output is no terminal, no status line is drawn and messages are
 * plain lines.
 */
public final class StatusLine {
    /** The terminal width assumed where none is given, in characters. */
    public static final int DEFAULT_COLUMNS = 80;

    private final PrintWriter err;
    private final boolean shown;
    /** The widest status line drawn: one less than the terminal's width, so that it never wraps. */
    private final int maxChars;
    private final Queue<String> posted = new ConcurrentLinkedQueue<>();
    private int drawnWidth;

    /**
     * @param err   where the status line and the messages go
     * @param shown whether to draw the status line (the output is a terminal)
     */
    public StatusLine(PrintWriter err, boolean shown) {
        this(err, shown, DEFAULT_COLUMNS);
    }

    /**
     * @param err     where the status line and the messages go
     * @param shown   whether to draw the status line (the output is a terminal)
     * @param columns the terminal's width, in characters (at least 2)
     */
    public StatusLine(PrintWriter err, boolean shown, int columns) {
        if (columns < 2) {
            throw new IllegalArgumentException("a terminal is at least 2 characters wide, got " + columns);
        }
        this.err = Objects.requireNonNull(err, "err");
        this.shown = shown;
        this.maxChars = columns - 1;
    }

    /** Whether the status line is drawn. */
    public boolean shown() {
        return shown;
    }

    /** Queues a message for the loop thread to print. Any thread. */
    public void post(String text) {
        posted.add(Objects.requireNonNull(text, "text"));
    }

    /** Prints the messages posted so far, in the order posted. Loop thread only. */
    public void printPosted() {
        for (String text = posted.poll(); text != null; text = posted.poll()) {
            println(text);
        }
    }

    /** Prints a message on a line of its own, above the status line. Loop thread only. */
    public void println(String text) {
        clear();
        err.println(text);
        err.flush();
    }

    /**
     * Draws {@code line} in place of the status line, when it is shown, cut to one character
     * less than the terminal's width: a line that wraps on the terminal cannot be drawn over.
     * Loop thread only.
     */
    void draw(String text) {
        if (!shown) {
            return;
        }
        String line = text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
        StringBuilder b = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < drawnWidth; i++) {
            b.append(' ');
        }
        drawnWidth = line.length();
        err.print(b);
        err.flush();
    }

    /**
     * Erases the status line, if one is drawn, before something else is printed on the terminal
     * (a stride line on the standard output); it is drawn again at the next update. Loop thread only.
     */
    public void clear() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
