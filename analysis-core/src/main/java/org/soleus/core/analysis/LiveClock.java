package org.soleus.core.analysis;

/**
 * The time base of a live stream: sample {@code i} is taken at {@code startTimeS + i / sampleRateHz}.
 *
 * @param startTimeS   time of sample 0, s
 * @param sampleRateHz sample rate, Hz
 */
record LiveClock(double startTimeS, double sampleRateHz) {

    /** The time of sample {@code i}, s. */
    double timeS(long i) {
        return startTimeS + i / sampleRateHz;
    }

    /** The index of the sample nearest {@code timeS}, at least 0. */
    long index(double timeS) {
        return Math.max(0, Math.round((timeS - startTimeS) * sampleRateHz));
    }
}
