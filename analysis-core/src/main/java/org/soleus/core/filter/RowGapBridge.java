package org.soleus.core.filter;

import java.util.Objects;

/**
 * Several signals sampled together, passed on row by row with each signal's short runs of
 * missing samples linearly interpolated, one {@link GapBridge} per signal: a row comes out once
 * every signal's value for it is known, at most {@code maxGapSamples} rows after it went in, and
 * in order. A run longer than that, or one still open at {@link #finish()}, stays missing. The
 * rows are those of {@link Gaps#interpolateLinear} on each whole signal.
 *
 * <p>No allocation per row; the row handed on is reused. Not thread-safe.
 */
public final class RowGapBridge {
    /** Receives the rows, in order. */
    @FunctionalInterface
    public interface RowListener {
        /** A row, valid only during the call. */
        void onRow(double[] row);
    }

    private final GapBridge[] bridges;
    private final double[][] ring;
    private final long[] produced;
    private final int mask;
    private final double[] row;
    private final RowListener listener;
    private long emitted;

    /**
     * @param signals       values per row, ≥ 1
     * @param maxGapSamples longest run of missing samples filled, ≥ 0
     * @param listener      receives the rows
     */
    public RowGapBridge(int signals, int maxGapSamples, RowListener listener) {
        if (signals < 1) {
            throw new IllegalArgumentException("signals must be >= 1, got " + signals);
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        int capacity = Integer.highestOneBit(Math.max(2, maxGapSamples + 2)) << 1;
        this.mask = capacity - 1;
        this.ring = new double[signals][capacity];
        this.produced = new long[signals];
        this.row = new double[signals];
        this.bridges = new GapBridge[signals];
        for (int s = 0; s < signals; s++) {
            int signal = s;
            bridges[s] = new GapBridge(maxGapSamples, value -> ring[signal][(int) (produced[signal]++ & mask)] = value);
        }
    }

    /** Takes the next row ({@code values[0 .. signals)}; NaN is missing). */
    public void accept(double[] values) {
        for (int s = 0; s < bridges.length; s++) {
            bridges[s].accept(values[s]);
        }
        drain();
    }

    /** The signals ended: the rows still held come out, an open run missing. */
    public void finish() {
        for (GapBridge bridge : bridges) {
            bridge.finish();
        }
        drain();
    }

    private void drain() {
        while (true) {
            for (long p : produced) {
                if (p <= emitted) {
                    return;
                }
            }
            int slot = (int) (emitted++ & mask);
            for (int s = 0; s < row.length; s++) {
                row[s] = ring[s][slot];
            }
            listener.onRow(row);
        }
    }
}
