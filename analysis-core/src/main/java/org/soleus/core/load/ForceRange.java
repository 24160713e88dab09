package org.soleus.core.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * measurement (a transmission error, a garbled value): the gait analysis takes it as missing
 * ({@link ForceScreen}), where the low-pass had rung it into the loading of the nearest stance
 * (five samples of 10^8 N in a swing had made the next stride's peak 70 body weights), and so do
 * the leg figures; a force that is beyond it in a good part of its samples is on another scale
 * and keeps its events, without loading figures. The range applies to an insole's force in
 * newtons ({@code <side>.insole.force_n}) of a subject of known body mass. Stateless.
 */
public final class ForceRange {
    /** The largest force a foot can carry, body weights. */
    public static final double MAX_BODY_WEIGHTS = 20;
    /**
     * The share of a channel's samples beyond the range above which they are taken for a force
     * on another scale rather than transmission errors ({@link ForceScreen}): a recording in
     * millinewtons named newtons has every loaded sample beyond it.
     */
    public static final double MAX_ERROR_SHARE = 0.01;

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
     * the range, as the gait analysis treats them ({@link ForceScreen}): how many were taken as
     * missing per channel, and from when a channel was taken to be on another scale; empty when
     * none has such samples or the body mass is unknown.
     */
    public static Optional<String> notice(Recording recording) {
        if (!recording.metadata().hasBodyMass()) {
            return Optional.empty();
        }
        double maxN = maxForceN(recording.metadata().bodyMassKg() * Gravity.STANDARD_MPS2);
        List<String> missing = new ArrayList<>();
        List<String> scaled = new ArrayList<>();
        for (Channel channel : recording.channels()) {
            if (!applies(channel.name()) || countBeyond(channel, maxN) == 0) {
                continue;
            }
            double[] forceN = channel.toDoubleArray();
            for (int i = 0; i < forceN.length; i++) {
                // infinite samples are missing by themselves
                forceN[i] = Double.isInfinite(forceN[i]) ? Double.NaN : forceN[i];
            }
            ForceScreen screen = ForceScreen.apply(forceN, maxN, recording.sampleRateHz());
            if (screen.screened() > 0) {
                missing.add(channel.name() + " " + screen.screened());
            }
            if (screen.scaleFrom() >= 0) {
                scaled.add(channel.name() + String.format(Locale.ROOT, " from %.2f s on",
                        recording.timeS((int) screen.scaleFrom())));
            }
        }
        String limit = (int) MAX_BODY_WEIGHTS + " body weights (" + Math.round(maxN) + " N at "
                + recording.metadata().bodyMassKg() + " kg)";
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("force samples beyond " + limit + ", a force no foot carries, taken as missing (transmission"
                    + " errors; or is the body mass right?): " + String.join(", ", missing));
        }
        if (!scaled.isEmpty()) {
            parts.add("insole force beyond " + limit + " in more than 1 % of the samples, too many for transmission"
                    + " errors, taken as a force on another scale whose events are kept and whose stances get no loading"
                    + " figures (" + String.join(", ", scaled) + "): check the force unit (newtons, not millinewtons),"
                    + " the insole's calibration and the body mass");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
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
