package org.soleus.core.recording;

import java.util.Arrays;
import java.util.Objects;

/**
 * One channel of a {@link Recording}: a name and its samples as a primitive {@code float}
 * array (four bytes a sample keeps a 24-hour, 100 Hz, 19-channel recording well under a
 * gigabyte; no sensor here resolves more than a float's 24-bit mantissa).
 *
 * <p>{@code NaN} marks a missing sample. Instances are immutable by convention: {@link #samples()}
 * returns the backing array without copying, which callers must not modify.
 */
public final class Channel {
    private final ChannelName name;
    private final float[] samples;
    /**
     * {@link #stats()} once taken, else null. Several steps of an analysis ask for them, and
     * taking them is a pass over the samples; a race only takes them twice.
     */
    private SampleStats stats;

    /**
     * @param name    channel name
     * @param samples samples, taken over without copying: not to be changed afterwards (their
     *                {@link #stats()} are kept once taken)
     */
    public Channel(ChannelName name, float[] samples) {
        this(name, samples, null);
    }

    /** A channel whose {@link #stats()} are known already (taken as its samples arrived), or null. */
    Channel(ChannelName name, float[] samples, SampleStats stats) {
        this.name = Objects.requireNonNull(name, "name");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.stats = stats;
    }

    public ChannelName name() {
        return name;
    }

    /** Number of samples. */
    public int length() {
        return samples.length;
    }

    /** Sample {@code i}; NaN when missing. */
    public float get(int i) {
        return samples[i];
    }

    /** The backing array, not a copy: do not modify. */
    public float[] samples() {
        return samples;
    }

    /** The samples widened to a new {@code double[]}. */
    public double[] toDoubleArray() {
        double[] out = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i];
        }
        return out;
    }

    /** Counts of the samples and the range of the finite ones; taken on the first call. */
    public SampleStats stats() {
        SampleStats s = stats;
        if (s == null) {
            s = SampleStats.of(samples);
            stats = s;
        }
        return s;
    }

    /** Number of missing (NaN) samples. */
    public int missingCount() {
        return stats().missing();
    }

    @Override
    public String toString() {
        return name + "[" + samples.length + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Channel c && c.name.equals(name) && Arrays.equals(c.samples, samples);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(samples);
    }
}
