package org.soleus.io.format;

/**
 * Tells a sensor driven below its ADC's range from missing samples, in WFDB formats whose
 * invalid-sample code is also the lowest code the format can hold (−2048 in 212, −32768 in 16,
 * −128 in 80; Moody, WFDB signal(5)). An ADC that fills the format's range, such as the 12-bit
 * ADC of the gaitndd footswitches in format 212, writes its lowest code when the signal lies at
 * or below the bottom of its range (an unloaded force-sensitive resistor whose swing level sits
 * there), and that code reads as "invalid". A run of invalid codes that both starts and ends
 * next to valid samples within {@value #FLOOR_MARGIN_SHARE} of the format's range above its
 * lowest valid code (the bottom of the ADC's range) is therefore read as that lowest valid code;
 * any other run, and a run longer than the held frames, stays invalid: a real dropout lies
 * between samples anywhere in the range.
 *
 * <p>Frames are held back while a run that may turn out to be the floor is open, at most
 * {@code maxRunFrames} of them; then handed on in order, each frame's values as {@code int}
 * ADC codes in one reused array. No allocation per frame. Not thread-safe.
 */
final class WfdbFloorRuns {
    /** Share of the format's range above its lowest valid code within which a sample is at the bottom of the ADC's range. */
    static final double FLOOR_MARGIN_SHARE = 0.05;

    /** Receives the frames in order. */
    interface FrameSink {
        /** @param adu one frame's ADC codes; the array is reused after the call */
        void accept(int[] adu);
    }

    private static final int IDLE = 0;
    private static final int OPEN = 1;
    private static final int MISSING = 2;

    private final int[] invalidCode;
    private final int[] floorLimit;
    private final FrameSink sink;
    private final int[][] held;
    private final int[] state;
    private final long[] runStart;
    private final boolean[] lastNearFloor;
    private final long[] floorSamples;
    private final long[] missingSamples;
    private long heldFrom;
    private int heldCount;
    private long frames;

    /**
     * @param invalidCodes each signal's invalid-sample code, the lowest code of its format
     *                     ({@link WfdbSignalSpec#invalidSample}: {@code -2^(bits - 1)})
     * @param maxRunFrames the longest run of invalid codes that may be read as the floor (frames
     *                     held back meanwhile), at least 1
     * @param sink         receives the frames
     */
    WfdbFloorRuns(int[] invalidCodes, int maxRunFrames, FrameSink sink) {
        if (maxRunFrames < 1) {
            throw new IllegalArgumentException("maxRunFrames must be >= 1, got " + maxRunFrames);
        }
        int n = invalidCodes.length;
        this.invalidCode = invalidCodes.clone();
        this.floorLimit = new int[n];
        for (int s = 0; s < n; s++) {
            long range = -2L * invalidCode[s];
            floorLimit[s] = invalidCode[s] + 1 + (int) Math.max(1, Math.round(FLOOR_MARGIN_SHARE * range));
        }
        this.sink = sink;
        this.held = new int[maxRunFrames + 1][n];
        this.state = new int[n];
        this.runStart = new long[n];
        this.lastNearFloor = new boolean[n];
        this.floorSamples = new long[n];
        this.missingSamples = new long[n];
    }

    /** Takes the next frame (copied); hands on the frames no open run holds back. */
    void accept(int[] adu) {
        if (heldCount == held.length) {
            giveUpRunsFrom(heldFrom);
            release();
        }
        long f = frames++;
        System.arraycopy(adu, 0, held[(int) (f % held.length)], 0, adu.length);
        heldCount++;
        for (int s = 0; s < adu.length; s++) {
            int v = adu[s];
            if (v == invalidCode[s]) {
                if (state[s] == IDLE) {
                    if (lastNearFloor[s]) {
                        state[s] = OPEN;
                        runStart[s] = f;
                    } else {
                        state[s] = MISSING;
                    }
                }
                if (state[s] == MISSING) {
                    missingSamples[s]++;
                }
            } else {
                boolean nearFloor = v < floorLimit[s];
                if (state[s] == OPEN) {
                    closeRun(s, f, nearFloor);
                }
                state[s] = IDLE;
                lastNearFloor[s] = nearFloor;
            }
        }
        release();
    }

    /** Hands on every frame still held; open runs stay invalid (the data ended within them). */
    void finish() {
        giveUpRunsFrom(Long.MAX_VALUE);
        release();
    }

    /** Samples of signal {@code s} read as the bottom of the ADC's range instead of invalid. */
    long floorSamples(int s) {
        return floorSamples[s];
    }

    /** Samples of signal {@code s} left invalid (missing). */
    long missingSamples(int s) {
        return missingSamples[s];
    }

    /** A run of signal {@code s} ends at frame {@code end} (exclusive): the floor when the sample after it is near the floor too. */
    private void closeRun(int s, long end, boolean nearFloor) {
        long length = end - runStart[s];
        if (!nearFloor) {
            missingSamples[s] += length;
            return;
        }
        floorSamples[s] += length;
        for (long f = runStart[s]; f < end; f++) {
            held[(int) (f % held.length)][s] = invalidCode[s] + 1;
        }
    }

    /** Open runs that started at or before frame {@code f} stay invalid. */
    private void giveUpRunsFrom(long f) {
        for (int s = 0; s < state.length; s++) {
            if (state[s] == OPEN && runStart[s] <= f) {
                missingSamples[s] += frames - runStart[s];
                state[s] = MISSING;
            }
        }
    }

    /** Hands on the held frames before the earliest open run. */
    private void release() {
        long until = frames;
        for (int s = 0; s < state.length; s++) {
            if (state[s] == OPEN) {
                until = Math.min(until, runStart[s]);
            }
        }
        while (heldCount > 0 && heldFrom < until) {
            sink.accept(held[(int) (heldFrom % held.length)]);
            heldFrom++;
            heldCount--;
        }
    }
}
