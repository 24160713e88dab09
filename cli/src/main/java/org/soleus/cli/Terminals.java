package org.soleus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the standard error stream, where status lines and progress bars are drawn in place,
 * or the standard output is a terminal. {@link System#console()} answers for standard input and output instead, so a
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

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
