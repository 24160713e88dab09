package org.soleus.core.recording;

/** The check every object that takes a sample rate makes of it. */
public final class SampleRates {
    private SampleRates() {
    }

    /**
     * Returns {@code sampleRateHz} when it is a rate.
     *
     * @throws IllegalArgumentException when it is not a finite number above 0 Hz
     */
    public static double require(double sampleRateHz) {
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate must be a finite number > 0 Hz, got " + sampleRateHz);
        }
        return sampleRateHz;
    }
}
