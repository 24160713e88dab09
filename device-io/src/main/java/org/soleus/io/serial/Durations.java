package org.soleus.io.serial;

import java.math.BigDecimal;

/** Seconds as a {@link SerialStream} counts them ({@link System#nanoTime}) and writes them in its messages. */
final class Durations {
    static final long NANOS_PER_S = 1_000_000_000L;

    private Durations() {
    }

    /** {@code s} seconds in nanoseconds. */
    static long nanos(double s) {
        return (long) (s * NANOS_PER_S);
    }

    /** {@code v} without an exponent or trailing zeros: {@code 0.3}, {@code 60}. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
