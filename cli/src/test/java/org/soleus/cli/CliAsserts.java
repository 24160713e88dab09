package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on what a run of the {@code soleus} command said. */
final class CliAsserts {
    private CliAsserts() {
    }

    /**
     * Asserts that the run ended with {@code exitCode} and said one line on stderr, starting
     * {@code soleus: } and holding {@code expected}, with no stack trace.
     */
    static void assertOneLineError(Cli.Result r, int exitCode, String expected) {
        assertEquals(exitCode, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("soleus: ") && r.err().contains(expected), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    /**
     * Asserts that the run ended with {@code exitCode} and said one line on stderr, starting
     * {@code soleus: }, with no stack trace.
     */
    static void assertOneLineError(Cli.Result r, int exitCode) {
        assertOneLineError(r, exitCode, "");
    }
}
