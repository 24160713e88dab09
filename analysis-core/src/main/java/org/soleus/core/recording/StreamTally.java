package org.soleus.core.recording;

/**
 * Counts that the sinks of one stream add up for a warning at its end: each sink of a
 * {@link RowTransform}, the whole stream's and those of its parts, counts the rows it sees and
 * adds its counts here as it ends, on whichever thread it ran; the whole stream's sink, which
 * ends last, reports the total. A transform whose sinks count makes one tally per stream in
 * {@link RowTransform#forOneStream}; a sink made on its own for a stream it sees whole has a
 * tally of its own. Thread-safe.
 */
public final class StreamTally {
    private long[] total;

    /**
     * Adds {@code counts}, laid out alike by every sink of the stream, and returns the total so
     * far: a copy, which later additions leave as it is.
     */
    public synchronized long[] add(long[] counts) {
        if (total == null) {
            total = counts.clone();
        } else {
            if (counts.length != total.length) {
                throw new IllegalArgumentException("counts of " + counts.length + " values added to a tally of "
                        + total.length);
            }
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
        }
        return total.clone();
    }
}
