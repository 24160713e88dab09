package org.soleus.core.analysis;

import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.Stride;
import org.soleus.core.gait.StrideListener;
import org.soleus.core.recording.Side;

/**
 * The strides assembled on a live stream, reported as soon as their figures can be computed
 * ({@link LiveStrideFigures}): at once where there are none to wait for, else once the context
 * after the toe off and the joint angles have arrived, or at the end of the stream; rejected
 * strides at once. The queue is sized for the strides of the longest such wait and allocated
 * once. Not thread-safe.
 */
final class LiveStrideQueue implements StrideListener {
    /** Strides that may wait besides those of the joints' warm-ups and a detector's warm-up hold. */
    private static final int SPARE_STRIDES = 16;

    private final LiveFoot[] feet;
    private final LiveStrideFigures figures;
    private final LiveResults results;
    private final Stride[] pending;
    private int count;
    private boolean ended;

    /** @param waitSamples the longest a stride waits for its joint angles and for the other foot's warm-up */
    LiveStrideQueue(LiveFoot[] feet, LiveStrideFigures figures, LiveResults results, int waitSamples,
                    double sampleRateHz, double minStrideS) {
        this.feet = feet;
        this.figures = figures;
        this.results = results;
        this.pending = new Stride[SPARE_STRIDES
                + feet.length * (int) Math.ceil(waitSamples / sampleRateHz / minStrideS)];
    }

    /** A stride assembled: reported at once where it has no figures to wait for, else queued. */
    @Override
    public void onStride(Stride stride) {
        if (!figures.waits(foot(stride.side()))) {
            results.stride(new StrideResult(stride, null));
            return;
        }
        if (count == pending.length) {
            throw new IllegalStateException("more than " + pending.length
                    + " strides wait for their loading context and joint angles");
        }
        pending[count++] = stride;
    }

    /** A rejected stride: reported at once. */
    @Override
    public void onRejected(RejectedStride rejected) {
        results.rejected(rejected);
    }

    /** Reports the strides whose context after toe off and whose joint angles have arrived. */
    void reportReady() {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            Stride s = pending[i];
            LiveFoot f = foot(s.side());
            if (ended || figures.ready(f, s)) {
                results.stride(figures.of(f, s));
            } else {
                pending[kept++] = s;
            }
        }
        for (int i = kept; i < count; i++) {
            pending[i] = null;
        }
        count = kept;
    }

    /** The stream has ended: reports every stride queued, whether or not all its samples came. */
    void reportAll() {
        ended = true;
        reportReady();
    }

    private LiveFoot foot(Side side) {
        LiveFoot f = LiveFoot.of(feet, side);
        if (f == null) {
            throw new IllegalStateException("no foot " + side);
        }
        return f;
    }
}
