package org.soleus.core.filter;

import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * The streaming form of {@link Gaps#interpolateLinear}: passes a signal on sample by sample,
 * holding back a run of NaN until it knows how it ends. A run of at most {@code maxGapSamples}
 * NaN between two finite samples is passed on linearly interpolated, with exactly the
 * arithmetic of the batch method; a longer run, a run before the first sample that is not NaN,
 * a run next to an infinite value and a run still open at {@link #finish()} pass on as NaN.
 * The output is the batch method's result on the whole signal, delayed by at most
 * {@code maxGapSamples} samples.
 *
 * <p>No allocation per sample. Not thread-safe.
 */
public final class GapBridge {
    private final int maxGapSamples;
    private final DoubleConsumer output;
    private boolean haveLast;
    private double last;
    private int pending;
    private boolean longRun;

    /**
     * @param maxGapSamples longest run filled, ≥ 0
     * @param output        receives the samples, in order
     */
    public GapBridge(int maxGapSamples, DoubleConsumer output) {
        if (maxGapSamples < 0) {
            throw new IllegalArgumentException("maxGapSamples must be >= 0, got " + maxGapSamples);
        }
        this.maxGapSamples = maxGapSamples;
        this.output = Objects.requireNonNull(output, "output");
    }

    /** Takes the next sample; NaN is missing. */
    public void accept(double x) {
        if (Double.isNaN(x)) {
            if (!haveLast || longRun) {
                output.accept(Double.NaN);
                return;
            }
            pending++;
            if (pending > maxGapSamples) {
                release(Double.NaN);
                longRun = true;
            }
            return;
        }
        if (pending > 0) {
            if (Double.isFinite(last) && Double.isFinite(x)) {
                double span = pending + 1;
                double rise = x - last;
                for (int k = 1; k <= pending; k++) {
                    output.accept(last + rise * (k / span));
                }
                pending = 0;
            } else {
                release(Double.NaN);
            }
        }
        longRun = false;
        haveLast = true;
        last = x;
        output.accept(x);
    }

    /** Samples held back, waiting for the end of a NaN run. */
    public int pending() {
        return pending;
    }

    /** The signal ended: a NaN run still open passes on as NaN. */
    public void finish() {
        release(Double.NaN);
    }

    private void release(double value) {
        for (int k = 0; k < pending; k++) {
            output.accept(value);
        }
        pending = 0;
    }
}
