package org.soleus.io.codec;

/**
 * The sequence and clock of a line-protocol stream's rows, for a {@link LineDecoder}: hands on
 * the rows a {@link RowReader} read, numbered, with the device time (a 32-bit {@code time_us}
 * clock extended past its wraps); with a time column and a known rate, counts the frames lost
 * in a step of whole periods, and holds a row whose clock jumped until the next row tells
 * whether the jump was real.
 *
 * <p>No allocation per row; a held row of a new width allocates its copy. Not thread-safe.
 */
final class RowClock {
    /** How far a time step may be off a whole number of periods, in periods (clocks jitter). */
    private static final double STEP_TOLERANCE = 0.25;
    /**
     * How far, per period, a gap of whole periods may be off beyond {@link #STEP_TOLERANCE}: the
     * device's clock may run off its declared rate (0.5 %, as a file's time column may,
     * without notice), so that over a long gap the drift, not the loss, sets the fraction.
     */
    private static final double CLOCK_DRIFT = 0.005;
    /** Where a 32-bit microsecond clock (Arduino's {@code micros()}) wraps, µs: after 71.6 minutes. */
    private static final long MICROS_WRAP_US = 1L << 32;

    private final DecoderCounters counters;
    private final RowReader rows;

    /** The rate of the descriptor in force, Hz, or NaN. */
    private double rateHz = Double.NaN;
    private long sequence = -1;
    private boolean haveTime;
    private long lastTimeUs;
    /** What the wraps of a 32-bit {@code time_us} clock so far add to its times, µs. */
    private long wrapUs;
    /** Rows dropped that lay within a period, between two rows a period apart ({@link #fasterThanStated}). */
    private long rowsWithinAPeriod;
    /** The step from the row before to the last of {@link #rowsWithinAPeriod}, µs. */
    private long withinStepUs;
    /** Frames handed on since construction or the last {@link #reset()}. */
    private long framesSinceReset;
    /** The time of the row just read, µs, its wraps included. */
    private long rowTimeUs;
    /** A row whose clock jumped, waiting for the next to tell ({@link #emit}). */
    private boolean held;
    private float[] heldValues = new float[0];
    private long heldTimeUs;

    RowClock(DecoderCounters counters, RowReader rows) {
        this.counters = counters;
        this.rows = rows;
    }

    /** Forgets the clock and the frames handed on since: the link was reset. */
    void reset() {
        haveTime = false;
        framesSinceReset = 0;
        dropHeld();
    }

    /** The rows' clock begins anew: a new time column, or the same after a header that is no repeat. */
    void restart() {
        haveTime = false;
        wrapUs = 0;
    }

    /** Whether the last row handed on had a time. */
    boolean haveTime() {
        return haveTime;
    }

    /** Whether frames were handed on since construction or the last {@link #reset()}. */
    boolean handedOnFrames() {
        return framesSinceReset > 0;
    }

    /**
     * Hands on a held row as the jump it showed, on the clock and time column it was read with:
     * a header line comes next, so no next row of these channels will tell.
     */
    void handOnHeld(FrameSink sink) {
        if (held) {
            held = false;
            advance(heldTimeUs);
            frame(heldValues, sink);
        }
    }

    /** Takes a new descriptor's rate ({@link #handOnHeld} first, while the rows' layout is the held row's). */
    void install(double newRateHz) {
        rateHz = newRateHz;
    }

    /** The first row after the stream was synchronised: it only sets the sequence and clock going. */
    void first() {
        advance(rowTime());
    }

    /**
     * Passes the row just read on, or holds it when its clock jumped: the next row tells
     * whether the jump was real (it goes on from the held row, which then follows) or one
     * corrupted time (it goes on from the row before; the held row counts as malformed). A held
     * row at the time of the row before is that row repeated, and counts as malformed too; one a
     * period after the row that comes next, which is itself a period after the row before, crossed
     * it on the way, and both follow in their order.
     */
    void emit(FrameSink sink) {
        rowTimeUs = rowTime();
        if (rows.timeColumn() == RowReader.TIME_US && haveTime && !stepsOnePeriod(lastTimeUs, rowTimeUs)
                && stepsOnePeriod(lastTimeUs, rowTimeUs + MICROS_WRAP_US)) {
            // a 32-bit microsecond clock that wrapped: its times go on from where they were
            wrapUs += MICROS_WRAP_US;
            rowTimeUs += MICROS_WRAP_US;
        }
        if (held && settleHeld(sink)) {
            return;
        }
        if (rows.timeColumn() != RowReader.NO_TIME_COLUMN && haveTime && !Double.isNaN(rateHz)
                && !stepsOnePeriod(lastTimeUs, rowTimeUs)) {
            hold();
            return;
        }
        advance(rowTimeUs);
        frame(rows.values(), sink);
    }

    /** The time of the row just read, its clock's wraps so far included, µs. */
    private long rowTime() {
        return rows.timeUs() + (rows.timeColumn() == RowReader.TIME_US ? wrapUs : 0);
    }

    /**
     * Tells the held row's fate by the row just read: it follows (before the row, or after it
     * when the two crossed), or counts as malformed; true when both were handed on.
     */
    private boolean settleHeld(FrameSink sink) {
        held = false;
        if (stepsOnePeriod(lastTimeUs, rowTimeUs) && stepsOnePeriod(rowTimeUs, heldTimeUs)) {
            // two rows that crossed on their way (UDP datagrams): this one, then the one held
            advance(rowTimeUs);
            frame(rows.values(), sink);
            advance(heldTimeUs);
            frame(heldValues, sink);
            return true;
        }
        if (stepsOnePeriod(heldTimeUs, rowTimeUs) && !repeats(lastTimeUs, heldTimeUs)) {
            if (heldTimeUs < lastTimeUs) {
                sink.onRestart();
            }
            advance(heldTimeUs);
            frame(heldValues, sink);
        } else {
            counters.malformed++;
            if (heldTimeUs > lastTimeUs && heldTimeUs < rowTimeUs && stepsOnePeriod(lastTimeUs, rowTimeUs)) {
                // a row within a period, between two a period apart: rows may come faster than stated
                rowsWithinAPeriod++;
                withinStepUs = heldTimeUs - lastTimeUs;
            }
        }
        return false;
    }

    /** Keeps a copy of the row just read, whose clock jumped, for the next row to tell. */
    private void hold() {
        float[] values = rows.values();
        if (heldValues.length != values.length) {
            heldValues = new float[values.length];
        }
        System.arraycopy(values, 0, heldValues, 0, values.length);
        heldTimeUs = rowTimeUs;
        held = true;
    }

    /** A held row that no next row will tell about (the link was reset) counts as malformed. */
    private void dropHeld() {
        if (held) {
            held = false;
            counters.malformed++;
        }
    }

    /**
     * Whether a row's time is that of the row before, within the step tolerance: the same row
     * again (a datagram a network delivered twice), which the row after it goes on from as well.
     */
    private boolean repeats(long previousUs, long timeUs) {
        return Math.abs((timeUs - previousUs) * rateHz / 1e6) <= STEP_TOLERANCE;
    }

    private boolean stepsOnePeriod(long fromUs, long toUs) {
        return Math.abs((toUs - fromUs) * rateHz / 1e6 - 1) <= STEP_TOLERANCE;
    }

    private void frame(float[] frameValues, FrameSink sink) {
        counters.frames++;
        framesSinceReset++;
        sink.onFrame(sequence, rows.timeColumn() == RowReader.NO_TIME_COLUMN ? FrameSink.NO_TIME : lastTimeUs, frameValues);
    }

    private void advance(long timeUs) {
        long step = 1;
        boolean timed = rows.timeColumn() != RowReader.NO_TIME_COLUMN;
        if (timed && haveTime && !Double.isNaN(rateHz)) {
            double periods = (timeUs - lastTimeUs) * rateHz / 1e6;
            double k = Math.rint(periods);
            if (k >= 2 && Math.abs(periods - k) <= STEP_TOLERANCE + k * CLOCK_DRIFT) {
                step = (long) k;
                counters.lostFrames += step - 1;
            }
        }
        sequence += step;
        lastTimeUs = timeUs;
        haveTime = timed;
    }

    /**
     * Rows come faster than the stated rate: of every two or three, the ones between rows a
     * period apart are dropped as corrupted times (one in four of the rows handed on, and at
     * least 10), which a firmware whose {@code # sample_rate_hz} is not its rate gives.
     */
    String fasterThanStated() {
        if (rowsWithinAPeriod < 10 || 4 * rowsWithinAPeriod < counters.frames) {
            return null;
        }
        double stepS = withinStepUs / 1e6;
        return String.format(java.util.Locale.ROOT, "rows come every %.4g s, faster than the %s Hz the stream states (a"
                + " row every %.4g s), and %d of them were dropped as out of step: pass --rate %.0f, or have the firmware"
                + " state its rate", stepS, rateHz, 1 / rateHz, rowsWithinAPeriod, 1 / stepS);
    }
}
