package org.soleus.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM as requests to stop the commands that run until stopped
 * ({@code record}, {@code live}, {@code simulate}), {@code analyze} (between two stages of an
 * input) and {@code calibrate --port} (while it waits for an answer or a reading): the first
 * such signal marks every
 * registered command stopped; each finishes its work as at the end of its input (the file
 * completed and closed, the closing line printed) and exits with 128 + the signal's number,
 * 130 or 143, what a shell reports for a program that a signal stopped. A second signal, or
 * one while no command is registered, does what it does by default: the JVM exits at once.
 *
 * <p>Why not a shutdown hook: a hook runs once the JVM is already exiting, alongside the hooks
 * of libraries (jSerialComm's closes every port, which a reader takes for an unplugged device),
 * and the JVM halts as soon as the hooks return, so the closing line and the end of the file
 * race the exit. A signal handler only sets a flag; the command ends in its own time.
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's only way to handle a
 * signal. Where the JVM does not let it (run with {@code -Xrs}, or a signal ignored from the
 * start, as a non-interactive shell ignores SIGINT in the jobs it starts in the background) the
 * signal keeps its default. Not SIGHUP: jSerialComm's native library sets it to be ignored for
 * the whole process when it loads (so that a port's hangup does not end the program), and the
 * JVM does not let a handler replace a signal that is ignored.
 *
 * <p>Thread-safe.
 */
final class StopSignals {

    /** The signals handled. */
    private enum Kind {
        INT, TERM
    }

    /** The handlers before ours, called when no command is left to stop; guarded by the class. */
    private static final Map<Kind, SignalHandler> DEFAULTS = new EnumMap<>(Kind.class);
    /** The commands running; guarded by the class. */
    private static final List<Registration> REGISTERED = new ArrayList<>();

    private StopSignals() {
    }

    /** One running command's stop request. */
    static final class Registration implements AutoCloseable {
        private volatile int signal;

        private Registration() {
        }

        /** Whether a signal asked the command to stop. */
        boolean requested() {
            return signal != 0;
        }

        /** 128 + the number of the signal that stopped the command, or 0 when none did. */
        int exitCode() {
            return signal == 0 ? 0 : 128 + signal;
        }

        /** Unregisters: a signal from now on does what it does by default. */
        @Override
        public void close() {
            synchronized (StopSignals.class) {
                REGISTERED.remove(this);
            }
        }
    }

    /** Registers a command, to be stopped by the next SIGINT or SIGTERM. */
    static synchronized Registration register() {
        install();
        Registration r = new Registration();
        REGISTERED.add(r);
        return r;
    }

    private static void install() {
        for (Kind kind : Kind.values()) {
            if (!DEFAULTS.containsKey(kind)) {
                try {
                    DEFAULTS.put(kind, Signal.handle(new Signal(kind.name()), StopSignals::handle));
                } catch (IllegalArgumentException e) {
                    // the JVM keeps the signal (-Xrs): it stops the program as it always does
                    DEFAULTS.put(kind, null);
                }
            }
        }
    }

    private static void handle(Signal signal) {
        SignalHandler fallback;
        synchronized (StopSignals.class) {
            boolean stopped = false;
            for (Registration r : REGISTERED) {
                if (r.signal == 0) {
                    r.signal = signal.getNumber();
                    stopped = true;
                }
            }
            if (stopped) {
                return;
            }
            fallback = DEFAULTS.get(Kind.valueOf(signal.getName()));
        }
        if (fallback != null && fallback != SignalHandler.SIG_DFL && fallback != SignalHandler.SIG_IGN) {
            fallback.handle(signal);
        } else {
            Runtime.getRuntime().exit(128 + signal.getNumber());
        }
    }
}
