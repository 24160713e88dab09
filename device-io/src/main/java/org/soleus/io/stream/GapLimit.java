package org.soleus.io.stream;

/**
 * The longest run of missing samples that a file's reader or a live stream fills with NaN rows:
 * {@value #MAX_FILLED_S} s. A dropout of a wireless link or a loose cable lasts seconds; a step
 * of the time column or the frame count beyond this is no dropout (a file joined from two
 * sessions, a corrupted or restarted count), and filling it would write hours of empty rows.
 */
public final class GapLimit {
    /** The longest gap filled with missing samples, s. */
    public static final double MAX_FILLED_S = 60;

    private GapLimit() {
    }
}
