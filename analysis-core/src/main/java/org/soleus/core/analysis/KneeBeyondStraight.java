package org.soleus.core.analysis;

import java.util.Locale;
import java.util.Optional;
import org.soleus.core.recording.Side;

/**
 * Whether a leg's knee angles can be taken: a knee that reads below
 * {@value #MIN_PLAUSIBLE_KNEE_DEG}° in more than a twentieth of its samples bends backwards, which
 * a knee does not do, so the angle's zero or its axes are wrong. Most likely the calibration
 * period was not standing straight (seated, or already walking in a way the stillness check lets
 * pass) or the IMU axes were mixed up into a left-handed frame (x and y swapped without z
 * negated). The batch analysis counts a whole recording's angles, the live one the angles
 * reported so far, one by one ({@link #accept}). No allocation per angle. Not thread-safe.
 */
final class KneeBeyondStraight {
    /** A knee flexion below this reads beyond straight, further than a knee goes (hyperextension ends about 5–10° past it), deg. */
    static final double MIN_PLAUSIBLE_KNEE_DEG = -20;
    /** The share of a leg's knee angles beyond {@link #MIN_PLAUSIBLE_KNEE_DEG} from which they are not taken. */
    static final double MAX_BEYOND_STRAIGHT_SHARE = 0.05;

    private long finite;
    private long beyond;

    /** The counts over a whole recording's knee angles, degrees (NaN where unknown). */
    static KneeBeyondStraight of(double[] kneeDeg) {
        KneeBeyondStraight counts = new KneeBeyondStraight();
        for (double k : kneeDeg) {
            counts.accept(k);
        }
        return counts;
    }

    /** Counts one knee angle, degrees; NaN is not counted. */
    void accept(double kneeDeg) {
        if (!Double.isNaN(kneeDeg)) {
            finite++;
            beyond += kneeDeg < MIN_PLAUSIBLE_KNEE_DEG ? 1 : 0;
        }
    }

    /** Whether more than {@value #MAX_BEYOND_STRAIGHT_SHARE} of the angles counted read beyond straight. */
    boolean implausible() {
        return finite > 0 && beyond > MAX_BEYOND_STRAIGHT_SHARE * finite;
    }

    /** The notice of a leg whose knee angles are {@link #implausible()}, or empty. */
    Optional<String> notice(Side side) {
        if (!implausible()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s knee angle: below %.0f° (bent backwards, which a knee does not"
                + " do) in %.0f %% of the samples: was the first 2 s not standing straight (seated?), or are the IMU axes"
                + " mixed up (x and y swapped without z negated: a left-handed frame)? No knee figures for this leg",
                side.label(), MIN_PLAUSIBLE_KNEE_DEG, 100.0 * beyond / finite));
    }
}
