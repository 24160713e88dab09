package org.soleus.core.text;

/** A count and its noun for a message: {@code 1 sample}, {@code 57 samples}. Stateless. */
public final class Counted {
    private Counted() {
    }

    /** {@code n} and the noun, plural (with an s) unless {@code n} is 1. */
    public static String of(long n, String singular) {
        return n + " " + singular + (n == 1 ? "" : "s");
    }
}
