package org.soleus.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether the standard error stream, where status lines and progress bars are drawn in place,
 * or the standard output is a terminal, and how wide it is. {@link System#console()} answers for standard input and output instead, so a
 * command whose output is piped on would draw nothing on the terminal, and one whose errors go
 * to a file would fill it with carriage returns. Where Linux's {@code /proc/self/fd/2} tells the
 * device it goes to, that decides; elsewhere the console does.
 */
final class Terminals {
    private Terminals() {
    }

    /** Whether standard error goes to a terminal. */
    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /** Whether standard output goes to a terminal. */
    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    /** The width assumed where the terminal's cannot be told, in characters. */
    static final int DEFAULT_COLUMNS = 80;
    /** The narrowest and widest widths taken from the environment or the terminal. */
    private static final int MIN_COLUMNS = 20;
    private static final int MAX_COLUMNS = 1000;

    /**
     * The width of the terminal, in characters, for lines redrawn in place (a line that wraps
     * cannot be drawn over): {@code COLUMNS} where the shell exports it, else what
     * {@code stty size} says of the controlling terminal, else {@value #DEFAULT_COLUMNS}. Asked
     * once, as a command starts: a terminal resized while it runs keeps the width it had.
     */
    static int columns() {
        Integer fromEnvironment = parseColumns(System.getenv("COLUMNS"));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return DEFAULT_COLUMNS;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // its few bytes fit the pipe: wait first, so that a stty that hangs holds nothing up
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return DEFAULT_COLUMNS;
            }
            String out = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            String[] rowsColumns = out.split("\\s+");
            Integer columns = rowsColumns.length == 2 ? parseColumns(rowsColumns[1]) : null;
            return columns != null ? columns : DEFAULT_COLUMNS;
        } catch (IOException e) {
            return DEFAULT_COLUMNS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_COLUMNS;
        }
    }

    /** A width in characters from {@code text}, or null when it is none (or beyond any terminal's). */
    static Integer parseColumns(String text) {
        if (text == null) {
            return null;
        }
        try {
            int columns = Integer.parseInt(text.trim());
            return columns >= MIN_COLUMNS && columns <= MAX_COLUMNS ? columns : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
