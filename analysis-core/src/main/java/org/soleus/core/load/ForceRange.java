package org.soleus.core.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleStats;
import org.soleus.core.recording.Side;

/**
 * The vertical force one foot can carry: within ±{@value #MAX_BODY_WEIGHTS} body weights. A foot
 * carries 1.1–1.2 body weights at the peaks of walking and about twice that in running; landings
 * from jumps reach a few times more, far below this limit. A force sample beyond it is no
 * measurement (a transmission error, a garbled value): it is taken as missing (NaN), so that a
 * short run of such samples is bridged and a longer one rejects the strides it touches, as a
 * dropout does, instead of ringing through the low-pass into the loading of the next stance
 * (five samples of 10^8 N in a swing had made a stride's peak 70 body weights). The range
 * applies to an insole's force in newtons ({@code <side>.insole.force_n}) of a subject of known
 * body mass; a channel in other units is only proportional to force and has no such limit. The
 * heel force, which is not low-passed, is left to the stance's despiking
 * ({@link PressureWindows}): a single glitch of one cell is replaced by its neighbours' median
 * there, which keeps the heel share closer than leaving the sample out.
 *
 * <p>The decision is {@link #beyond}, made sample by sample by {@link ForceRangeSink} for a
 * stream and over the channels by {@link #clean} for a recording in memory. Stateless.
 */
public final class ForceRange {
    /** The largest force a foot can carry, body weights. */
    public static final double MAX_BODY_WEIGHTS = 20;
    /**
     * The share of a channel's samples beyond the range above which {@link Cleaned#notice} takes
     * them for a wrong unit, calibration or body mass rather than transmission errors: a
     * recording in millinewtons named newtons has every loaded sample beyond it.
     */
    static final double MAX_ERROR_SHARE = 0.01;

    private ForceRange() {
    }

    /** The largest magnitude of a plausible force, N, for a subject of {@code bodyMassKg}; +∞ when the mass is unknown (NaN). */
    public static double maxForceN(double bodyMassKg) {
        return Double.isNaN(bodyMassKg) ? Double.POSITIVE_INFINITY : MAX_BODY_WEIGHTS * bodyMassKg * Gravity.STANDARD_MPS2;
    }

    /** {@link #maxForceN(double)} for the subject of {@code metadata}. */
    public static double maxForceN(RecordingMetadata metadata) {
        return maxForceN(metadata.hasBodyMass() ? metadata.bodyMassKg() : Double.NaN);
    }

    /** Whether the range applies to the channel {@code name}: an insole's force in newtons. */
    public static boolean applies(ChannelName name) {
        return name.side() != Side.NONE && name.place().equals("insole") && name.unit().equals("n")
                && name.quantity().equals("force");
    }

    /** Whether {@code forceN} lies beyond ±{@code maxForceN} (an infinite value does when the limit is finite; NaN does not). */
    public static boolean beyond(double forceN, double maxForceN) {
        return Math.abs(forceN) > maxForceN;
    }

    /**
     * The recording with every force sample beyond the range as NaN ({@link #applies}), and how
     * many were; the recording itself when none was.
     */
    public static Cleaned clean(Recording recording) {
        double maxN = maxForceN(recording.metadata());
        List<Channel> channels = new ArrayList<>(recording.channels().size());
        Map<ChannelName, Integer> replaced = new LinkedHashMap<>();
        for (Channel channel : recording.channels()) {
            int count = applies(channel.name()) && mayGoBeyond(channel, maxN) ? countBeyond(channel.samples(), maxN) : 0;
            if (count == 0) {
                channels.add(channel);
                continue;
            }
            float[] cleaned = channel.samples().clone();
            for (int i = 0; i < cleaned.length; i++) {
                if (beyond(cleaned[i], maxN)) {
                    cleaned[i] = Float.NaN;
                }
            }
            channels.add(new Channel(channel.name(), cleaned));
            replaced.put(channel.name(), count);
        }
        Recording result = replaced.isEmpty() ? recording : new Recording(recording.source(),
                recording.sampleRateHz(), recording.startTimeS(), channels, recording.metadata(), recording.warnings());
        return new Cleaned(result, replaced, maxN);
    }

    /**
     * Whether a sample of {@code channel} may lie beyond ±{@code maxForceN}, from its statistics,
     * which the readers take while reading: an infinite sample, or a finite one beyond.
     */
    private static boolean mayGoBeyond(Channel channel, double maxForceN) {
        SampleStats stats = channel.stats();
        boolean infinite = stats.finite() + stats.missing() < channel.length();
        return infinite && maxForceN < Double.POSITIVE_INFINITY
                || stats.finite() > 0 && (beyond(stats.max(), maxForceN) || beyond(stats.min(), maxForceN));
    }

    /** The samples beyond ±{@code maxForceN}: a loop without branches. */
    private static int countBeyond(float[] samples, double maxForceN) {
        int count = 0;
        for (float sample : samples) {
            count += beyond(sample, maxForceN) ? 1 : 0;
        }
        return count;
    }

    /**
     * A recording cleaned by {@link #clean}.
     *
     * @param recording the recording, with the samples beyond the range as NaN
     * @param replaced  per channel with any, the samples taken as missing, in channel order
     * @param maxForceN the limit, N
     */
    public record Cleaned(Recording recording, Map<ChannelName, Integer> replaced, double maxForceN) {
        public Cleaned {
            replaced = Collections.unmodifiableMap(new LinkedHashMap<>(replaced));
        }

        /** One line for the analysis notices, or null when nothing was replaced. */
        public String notice() {
            if (replaced.isEmpty()) {
                return null;
            }
            List<String> counts = new ArrayList<>();
            boolean many = false;
            for (Map.Entry<ChannelName, Integer> e : replaced.entrySet()) {
                counts.add(e.getKey() + " " + e.getValue());
                many |= e.getValue() > MAX_ERROR_SHARE * recording.length();
            }
            return "force samples beyond " + (int) MAX_BODY_WEIGHTS + " body weights (" + Math.round(maxForceN)
                    + " N at " + recording.metadata().bodyMassKg() + " kg), a force no foot carries, taken as missing"
                    + (many ? ": " + String.join(", ", counts) + ", too many for transmission errors: check the force"
                    + " unit (newtons, not millinewtons), the insole's calibration and the body mass"
                    : " (a transmission error; or is the body mass right?): " + String.join(", ", counts));
        }
    }
}
