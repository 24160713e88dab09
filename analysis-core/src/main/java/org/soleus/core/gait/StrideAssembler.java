package org.soleus.core.gait;

import java.util.Objects;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Side;

/**
 * Streaming assembly of strides from the heel strikes and toe offs of both feet.
 *
 * <p>A candidate stride runs from one heel strike to the next of the same foot. It is valid when
 * exactly one toe off of that foot lies between them, its duration is within the
 * {@link StrideLimits}, its stance share is too, and the foot had single support (the other
 * foot was not loaded through the whole stance: it took a step). Double support is the time
 * within the stride's stance when the other foot was also loaded (initial plus terminal double
 * support), from the other foot's contacts; a foot whose first event is a toe off was loaded
 * from before its first event (the start of the data), so the first stride of the other foot
 * counts that contact too. NaN until the other foot has shown a contact, and where the other
 * foot's signal has missing samples within the stance (whether it was loaded there is not
 * known; the single-support check is then skipped). A stride whose own foot has missing samples
 * within it or next to its heel strikes is rejected for that first ({@link MissingSamples}).
 * "Missing" is as the caller marks it: the files' analysis bridges short gaps first and marks
 * only the samples of longer ones.
 *
 * <p>Events of each foot must arrive in time order; the feet may interleave with a delay of up
 * to one stance phase. When a stride closes, {@link MissingSamples} must know the samples of
 * both feet up to its closing heel strike. Not thread-safe; no allocation per event except the
 * emitted values.
 */
public final class StrideAssembler {
    private static final int CONTACTS_KEPT = 4;

    private final StrideLimits limits;
    private final MissingSamples missing;
    private final StrideListener listener;
    private final FootState left = new FootState();
    private final FootState right = new FootState();

    /**
     * @param limits   validity limits
     * @param missing  where the feet's signals had missing samples
     * @param listener receives strides and rejections
     */
    public StrideAssembler(StrideLimits limits, MissingSamples missing, StrideListener listener) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.missing = Objects.requireNonNull(missing, "missing");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Takes the next event of either foot. */
    public void accept(GaitEvent event) {
        FootState foot = state(event.side());
        double t = event.timeS();
        if (event.type() == GaitEventType.TOE_OFF) {
            if (!Double.isNaN(foot.heelStrikeS)) {
                foot.toeOffCount++;
                foot.toeOffS = t;
                foot.addContact(foot.heelStrikeS, t);
            } else if (foot.contacts == 0) {
                // Loaded since before its first event: a contact that began before the data.
                foot.addContact(Double.NEGATIVE_INFINITY, t);
            }
            foot.loaded = false;
            return;
        }
        if (!Double.isNaN(foot.heelStrikeS)) {
            closeStride(event.side(), foot, t);
        }
        foot.heelStrikeS = t;
        foot.toeOffCount = 0;
        foot.loaded = true;
    }

    private void closeStride(Side side, FootState foot, double endS) {
        double startS = foot.heelStrikeS;
        double strideS = endS - startS;
        if (missing.within(side, startS, endS)) {
            listener.onRejected(new RejectedStride(side, startS, endS, RejectedStride.Reason.MISSING_DATA));
            return;
        }
        if (foot.toeOffCount != 1) {
            listener.onRejected(new RejectedStride(side, startS, endS, RejectedStride.Reason.NO_SINGLE_TOE_OFF));
            return;
        }
        if (strideS < limits.minStrideS() || strideS > limits.maxStrideS()) {
            listener.onRejected(new RejectedStride(side, startS, endS, RejectedStride.Reason.STRIDE_DURATION));
            return;
        }
        double stancePct = 100.0 * (foot.toeOffS - startS) / strideS;
        if (stancePct < limits.minStancePct() || stancePct > limits.maxStancePct()) {
            listener.onRejected(new RejectedStride(side, startS, endS, RejectedStride.Reason.PHASE_DURATION));
            return;
        }
        double doubleSupportS = missing.within(side.opposite(), startS, foot.toeOffS)
                ? Double.NaN : state(side.opposite()).overlapWith(startS, foot.toeOffS);
        if (doubleSupportS >= foot.toeOffS - startS) {
            listener.onRejected(new RejectedStride(side, startS, endS, RejectedStride.Reason.NO_SINGLE_SUPPORT));
            return;
        }
        listener.onStride(new Stride(side, startS, foot.toeOffS, endS, doubleSupportS));
    }

    private FootState state(Side side) {
        return switch (side) {
            case LEFT -> left;
            case RIGHT -> right;
            case NONE -> throw new IllegalArgumentException("strides need a left or right foot");
        };
    }

    /** Contact history of one foot. */
    private static final class FootState {
        double heelStrikeS = Double.NaN;
        double toeOffS = Double.NaN;
        int toeOffCount;
        boolean loaded;
        final double[] contactStartS = new double[CONTACTS_KEPT];
        final double[] contactEndS = new double[CONTACTS_KEPT];
        int contacts;

        void addContact(double startS, double endS) {
            int slot = contacts % CONTACTS_KEPT;
            contactStartS[slot] = startS;
            contactEndS[slot] = endS;
            contacts++;
        }

        /** Time within [fromS, toS] this foot was loaded; NaN when it never showed a contact. */
        double overlapWith(double fromS, double toS) {
            if (contacts == 0 && !loaded) {
                return Double.NaN;
            }
            double total = 0;
            for (int k = 0; k < Math.min(contacts, CONTACTS_KEPT); k++) {
                total += Math.max(0, Math.min(toS, contactEndS[k]) - Math.max(fromS, contactStartS[k]));
            }
            if (loaded && !Double.isNaN(heelStrikeS)) {
                total += Math.max(0, toS - Math.max(fromS, heelStrikeS));
            }
            return total;
        }
    }
}
