package org.soleus.core.analysis;

import java.util.Locale;
import org.soleus.core.load.ForceRange;
import org.soleus.core.load.ForceScreen;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.Side;

/**
 * One foot's raw force screened sample by sample as the batch analysis screens it: an infinite
 * force carries no magnitude and is missing, and a force no foot carries is missing too
 * ({@link ForceScreen}), unless the force shows itself to be on another scale. The listener hears
 * once when a first sample is taken as missing that way, and once when the force is taken to be
 * on another scale. No allocation per sample (but for the two notices). Not thread-safe.
 */
final class LiveForceScreen {
    private final Side side;
    private final LiveClock clock;
    private final LiveGaitListener listener;
    /** The force no foot carries ({@link ForceRange}), N; +∞ for a force not in newtons or a mass unknown. */
    private final double maxForceN;
    private final ForceScreen screen;
    private boolean toldScreened;
    private boolean toldScale;

    LiveForceScreen(Side side, ChannelName force, RecordingHeader h, LiveClock clock, LiveGaitListener listener) {
        this.side = side;
        this.clock = clock;
        this.listener = listener;
        this.maxForceN = ForceRange.applies(force) && h.metadata().hasBodyMass()
                ? ForceRange.maxForceN(h.metadata().bodyMassKg() * Gravity.STANDARD_MPS2) : Double.POSITIVE_INFINITY;
        this.screen = new ForceScreen(maxForceN, h.sampleRateHz());
    }

    /** Sample {@code index} of the stream, {@code x}, screened: itself, or NaN where missing. */
    double accept(float x, long index) {
        // an infinite force carries no magnitude: missing, as in the batch analysis
        double screened = screen.accept(Float.isInfinite(x) ? Double.NaN : x);
        if (!toldScreened && screen.screened() > 0) {
            toldScreened = true;
            listener.onNotice(String.format(Locale.ROOT, "%s force %.0f N at %.2f s is beyond %d body weights"
                    + " (%.0f N), a force no foot carries: such samples are taken as missing (a transmission error;"
                    + " or are the force unit and the body mass right?)", side.label(), x, clock.timeS(index),
                    (int) ForceRange.MAX_BODY_WEIGHTS, maxForceN));
        }
        if (!toldScale && screen.scaleFrom() >= 0) {
            toldScale = true;
            listener.onNotice(String.format(Locale.ROOT, "%s force beyond %d body weights in more than 1 %% of the"
                    + " samples, too many for transmission errors: taken from %.2f s on as a force on another scale,"
                    + " whose events are kept and whose stances get no loading figures; check the force unit"
                    + " (newtons, not millinewtons), the insole's calibration and the body mass", side.label(),
                    (int) ForceRange.MAX_BODY_WEIGHTS, clock.timeS(index)));
        }
        return screened;
    }

    /** Whether the force is taken to be on another scale, from some sample on. */
    boolean onAnotherScale() {
        return screen.scaleFrom() >= 0;
    }
}
