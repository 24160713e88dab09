package org.soleus.io.codec;

/**
 * The sequence and clock of a binary stream's intact sample frames, for a {@link BinaryDecoder}:
 * the frame number handed on, counted on from the device's 32-bit count, and the device time,
 * extended past the wrap of its 32-bit µs clock.
 *
 * <p>The rules are those of {@link BinaryDecoder}'s counting: a gap in the count is frames lost,
 * unless the clock went on by one period; a descriptor with sequence 0 marks a restart, unless
 * the next sample frame goes on with the count; a frame up to {@value #MAX_LATE_FRAMES} behind
 * the last is dropped as late or repeated, one further behind starts the count anew.
 *
 * <p>No allocation. Not thread-safe.
 */
final class FrameSequence {
    /** A step of the 32-bit count from this on (half its range) goes back rather than ahead. */
    private static final long BACKWARD_FROM = 1L << 31;
    /**
     * How far back the count of a sample frame may lie behind the last one and still be a late or
     * repeated frame (dropped), rather than a count that began anew (a restart).
     */
    static final long MAX_LATE_FRAMES = 64;

    private final DecoderCounters counters;

    private boolean haveSequence;
    private boolean restarted;
    private long lastRawSequence;
    private long sequence;
    private boolean haveTime;
    private long lastRawTime;
    private long timeUs;
    /** A descriptor with sequence 0 came after sample frames: the next sample frame says whether it was a restart. */
    private boolean restartPending;

    FrameSequence(DecoderCounters counters) {
        this.counters = counters;
    }

    /** Forgets the count and the clock: the frames after do not go on from those before. */
    void reset() {
        haveSequence = false;
        restarted = false;
        haveTime = false;
    }

    /** The frame number of the last sample frame taken. */
    long sequence() {
        return sequence;
    }

    /** The device time of the last sample frame taken, µs. */
    long timeUs() {
        return timeUs;
    }

    /**
     * An intact descriptor with the count {@code rawSequence}: a restart, unless the next sample
     * frame goes on with the count (a firmware that gives every descriptor sequence 0): the next
     * frame tells.
     */
    void descriptor(long rawSequence) {
        restartPending = rawSequence == 0 && haveSequence && lastRawSequence != 0xFFFFFFFFL;
    }

    /**
     * Takes an intact sample frame's count and clock, telling {@code sink} of a restart.
     *
     * @param descriptor the descriptor in force, whose rate tells a step of the clock, or null
     * @return false when the frame is dropped as late or repeated (and counted as malformed)
     */
    boolean take(long rawSequence, long rawTime, StreamDescriptor descriptor, FrameSink sink) {
        if (restartPending) {
            restartPending = false;
            if (rawSequence != ((lastRawSequence + 1) & 0xFFFFFFFFL)) {
                haveSequence = false;
                restarted = true;
                haveTime = false;
                sink.onRestart();
            }
        }
        if (!haveSequence) {
            haveSequence = true;
            sequence = restarted ? sequence + 1 : rawSequence;
            restarted = false;
        } else if (!step(rawSequence, rawTime, descriptor, sink)) {
            return false;
        }
        lastRawSequence = rawSequence;
        if (!haveTime) {
            haveTime = true;
            timeUs = rawTime;
        } else {
            timeUs += (rawTime - lastRawTime) & 0xFFFFFFFFL;
        }
        lastRawTime = rawTime;
        return true;
    }

    /** Steps the frame number from the last frame's to this one's; false when the frame is late or repeated. */
    private boolean step(long rawSequence, long rawTime, StreamDescriptor descriptor, FrameSink sink) {
        long step = (rawSequence - lastRawSequence) & 0xFFFFFFFFL;
        long back = step == 0 ? 0 : step >= BACKWARD_FROM ? (1L << 32) - step : -1;
        if (back >= 0 && back <= MAX_LATE_FRAMES) {
            // a frame sent twice, or one overtaken by later ones: its samples are in the stream already
            counters.malformed++;
            return false;
        }
        if (back > 0) {
            // the count began anew without the descriptor that says so: a restart, no loss
            haveTime = false;
            sink.onRestart();
            step = 1;
        } else if (step > 1 && clockStepsOnePeriod(rawTime, descriptor)) {
            // the count jumped while the device's clock went on by one period: no sample was
            // lost (a firmware that also counts its descriptors, say), so no gap is invented
            step = 1;
        } else if (step > 1) {
            counters.lostFrames += step - 1;
        }
        sequence += step;
        return true;
    }

    /** Whether the device's clock, at {@code rawTime}, went on by one period (±25 %) from the frame before. */
    private boolean clockStepsOnePeriod(long rawTime, StreamDescriptor descriptor) {
        if (!haveTime || descriptor == null || !descriptor.hasSampleRate()) {
            return false;
        }
        double periods = ((rawTime - lastRawTime) & 0xFFFFFFFFL) * descriptor.sampleRateHz() / 1e6;
        return Math.abs(periods - 1) <= 0.25;
    }
}
