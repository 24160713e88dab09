package org.soleus.core.load;

import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * Takes short bursts of a force no foot can carry ({@link ForceRange}) for missing samples: a
 * run of at most {@code maxRunSamples} samples beyond the range passes on as NaN, to be bridged
 * downstream as a gap is, and a longer run passes on as it is. A transmission error of a few
 * samples then neither makes a contact of its own nor moves the events around it, while a force
 * on another scale (millinewtons named newtons), whose every stance lies beyond the range, keeps
 * its shape for the events; the loading figures leave such stances out
 * ({@code StanceLoadingWindows}). A run is held back until its length is known, so the output is
 * the input delayed by at most {@code maxRunSamples} samples; a run still open at
 * {@link #finish()} passes on as NaN. {@link #apply} drives the same object over an array.
 *
 * <p>No allocation per sample. Not thread-safe.
 */
public final class ForceBursts {
    private final double maxForceN;
    private final DoubleConsumer output;
    private final double[] held;
    private int heldCount;
    private boolean longRun;

    /**
     * @param maxForceN     the largest plausible force, N ({@link ForceRange#maxForceN}); +∞ passes everything on
     * @param maxRunSamples the longest run taken for a burst, ≥ 0
     * @param output        receives the samples, in order
     */
    public ForceBursts(double maxForceN, int maxRunSamples, DoubleConsumer output) {
        if (maxRunSamples < 0) {
            throw new IllegalArgumentException("maxRunSamples must be >= 0, got " + maxRunSamples);
        }
        this.maxForceN = maxForceN;
        this.held = new double[maxRunSamples];
        this.output = Objects.requireNonNull(output, "output");
    }

    /** Takes the next sample, N; NaN is missing. */
    public void accept(double forceN) {
        if (!ForceRange.beyond(forceN, maxForceN)) {
            release(true);
            longRun = false;
            output.accept(forceN);
        } else if (longRun) {
            output.accept(forceN);
        } else if (heldCount < held.length) {
            held[heldCount++] = forceN;
        } else {
            release(false);
            longRun = true;
            output.accept(forceN);
        }
    }

    /** The signal ended: a run still held passes on as NaN. */
    public void finish() {
        release(true);
    }

    /** Passes the held run on, as NaN where it was a burst, else as it was. */
    private void release(boolean burst) {
        for (int k = 0; k < heldCount; k++) {
            output.accept(burst ? Double.NaN : held[k]);
        }
        heldCount = 0;
    }

    /**
     * Runs a {@link ForceBursts} over {@code forceN} in place (each output lands on a sample
     * already read).
     *
     * @return the samples it made missing
     */
    public static int apply(double[] forceN, double maxForceN, int maxRunSamples) {
        int[] next = {0};
        int[] madeMissing = {0};
        ForceBursts bursts = new ForceBursts(maxForceN, maxRunSamples, value -> {
            if (Double.isNaN(value) && !Double.isNaN(forceN[next[0]])) {
                madeMissing[0]++;
            }
            forceN[next[0]++] = value;
        });
        for (int i = 0; i < forceN.length; i++) {
            bursts.accept(forceN[i]);
        }
        bursts.finish();
        return madeMissing[0];
    }
}
