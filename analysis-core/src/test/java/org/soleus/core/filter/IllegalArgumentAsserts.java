package org.soleus.core.filter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on the {@link IllegalArgumentException}s that filter designs throw on misuse. */
final class IllegalArgumentAsserts {
    private IllegalArgumentAsserts() {
    }

    /** Asserts that {@code call} throws an {@link IllegalArgumentException} whose message holds {@code fragment}. */
    static void assertMessage(String fragment, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
