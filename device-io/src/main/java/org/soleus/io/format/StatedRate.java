package org.soleus.io.format;

/**
 * The sample rate a file states in its header, and where it states it, for the messages that
 * name the value (a rate given by the user that overrides it).
 *
 * @param hz    the rate as stated, Hz, or NaN where the file states none
 * @param where the location of the value, ending in {@code ": "} ({@code walk.csv:2:19: }), or
 *              null where the file states no rate
 */
record StatedRate(double hz, String where) {
    /** A file that states no rate. */
    static final StatedRate NONE = new StatedRate(Double.NaN, null);
}
