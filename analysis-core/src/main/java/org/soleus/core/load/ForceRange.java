package org.soleus.core.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.SampleStats;
import org.soleus.core.recording.Side;

/**
 * The vertical force one foot can carry: within ±{@value #MAX_BODY_WEIGHTS} body weights. A foot
 * carries 1.1–1.2 body weights at the peaks of walking and about twice that in running; landings
 * from jumps reach a few times more, far below this limit. A force sample beyond it is no
 * measurement (a transmission error, a garbled value): a short burst of them is taken for missing
 * samples ({@link ForceBursts}), and a stance with a longer run of them has no loading figures
 * ({@code StanceLoadingWindows}), since the low-pass would ring such samples into the peak and
 * loading rate (five samples of 10^8 N in a swing had made the next stride's peak 70 body
 * weights). A longer run is kept for the events, which depend on the force's shape and not on
 * its scale: a force on another scale keeps its strides. The range applies to an insole's
 * force in newtons ({@code <side>.insole.force_n}) of a subject of known body mass. Stateless.
 */
public final class ForceRange {
    /** The largest force a foot can carry, body weights. */
    public static final double MAX_BODY_WEIGHTS = 20;
    /**
     * The share of a channel's samples beyond the range, and their least number, above which
     * {@link #notice} takes them for a wrong unit, calibration or body mass rather than
     * transmission errors: a recording in millinewtons named newtons has every loaded sample
     * beyond it.
     */
    static final double MAX_ERROR_SHARE = 0.01;
    private static final int MIN_SCALE_ERRORS = 10;

    private ForceRange() {
    }

    /** The largest magnitude of a plausible force, N, for a subject of {@code bodyWeightN} (NaN: unknown, no limit). */
    public static double maxForceN(double bodyWeightN) {
        return Double.isNaN(bodyWeightN) ? Double.POSITIVE_INFINITY : MAX_BODY_WEIGHTS * bodyWeightN;
    }

    /** Whether {@code forceN} lies beyond ±{@code maxForceN} (an infinite value does when the limit is finite; NaN does not). */
    public static boolean beyond(double forceN, double maxForceN) {
        return Math.abs(forceN) > maxForceN;
    }

    /**
     * The notice on the insole forces in newtons of {@code recording} that have samples beyond
     * the range, with how many per channel; empty when none has or the body mass is unknown.
     */
    public static Optional<String> notice(Recording recording) {
        if (!recording.metadata().hasBodyMass()) {
            return Optional.empty();
        }
        double bodyWeightN = recording.metadata().bodyMassKg() * Gravity.STANDARD_MPS2;
        double maxN = maxForceN(bodyWeightN);
        List<String> counts = new ArrayList<>();
        boolean scale = false;
        for (Channel channel : recording.channels()) {
            int count = applies(channel.name()) ? countBeyond(channel, maxN) : 0;
            if (count > 0) {
                counts.add(channel.name() + " " + count);
                scale |= count >= MIN_SCALE_ERRORS && count > MAX_ERROR_SHARE * channel.length();
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("force samples beyond " + (int) MAX_BODY_WEIGHTS + " body weights (" + Math.round(maxN)
                + " N at " + recording.metadata().bodyMassKg() + " kg), a force no foot carries: short bursts taken as"
                + " missing, stances with longer runs left without loading figures: " + String.join(", ", counts) + (scale ? "; too many for transmission errors: check the force"
                + " unit (newtons, not millinewtons), the insole's calibration and the body mass"
                : " (transmission errors; or is the body mass right?)"));
    }

    /** Whether the range applies to the channel {@code name}: an insole's force in newtons. */
    public static boolean applies(ChannelName name) {
        return name.side() != Side.NONE && name.place().equals("insole") && name.unit().equals("n")
                && name.quantity().equals("force");
    }

    /**
     * The samples of {@code channel} beyond ±{@code maxForceN}; its statistics, which the
     * readers take while reading, rule out most channels without a pass over the samples.
     */
    public static int countBeyond(Channel channel, double maxForceN) {
        SampleStats stats = channel.stats();
        boolean infinite = stats.finite() + stats.missing() < channel.length();
        if (!infinite && !(stats.finite() > 0 && (beyond(stats.max(), maxForceN) || beyond(stats.min(), maxForceN)))) {
            return 0;
        }
        int count = 0;
        for (float sample : channel.samples()) {
            count += beyond(sample, maxForceN) ? 1 : 0;
        }
        return count;
    }
}
