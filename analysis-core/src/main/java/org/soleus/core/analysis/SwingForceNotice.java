package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soleus.core.gait.Stride;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;

/**
 * The notice for insoles in newtons whose force in swing, when the foot carries nothing, lies
 * far from 0 N: the insole's zero is off (not zeroed unloaded before the walk, an offset in its
 * calibration), and the offset is in every loading figure, a peak, an impulse, a share of the
 * body's weight, while the events, which follow the signal's own unloaded level, are not
 * touched. A foot's swing level is the median over its valid strides (at most
 * {@value #MAX_STRIDES}, spread over the recording) of the median force in the middle half of
 * each one's swing, away from toe off and heel strike; far is more than
 * {@value #MAX_SHARE_OF_PEAK} of the foot's median stride peak, either way: a shoe laced tight
 * presses an insole by a few per cent of a step's peak, and no force is below zero. Stateless.
 */
final class SwingForceNotice {
    /** How far from 0 N a foot's swing level may lie, as a share of its median stride peak. */
    static final double MAX_SHARE_OF_PEAK = 0.1;
    /**
     * The most strides of a foot whose swing is looked at, evenly spread over the recording: a
     * median of that many is as good as of all, and a day's strides would take a measurable time.
     */
    private static final int MAX_STRIDES = 500;

    private SwingForceNotice() {
    }

    static Optional<String> of(Recording recording, GaitAnalysis gait) {
        if (!gait.forceInNewtons()) {
            return Optional.empty();
        }
        List<String> feet = new ArrayList<>();
        for (ChannelName force : InsoleChannels.forceChannels(recording.channelNames())) {
            float[] forceN = recording.channel(force.toString()).samples();
            List<StrideResult> strides = gait.strides().stream().filter(s -> s.stride().side() == force.side()).toList();
            double levelN = median(swingLevels(forceN, strides, recording.startTimeS(), recording.sampleRateHz()));
            double peakN = median(strides.stream().filter(s -> s.loading() != null)
                    .mapToDouble(s -> s.loading().peakForceN()).filter(Double::isFinite).toArray());
            if (Math.abs(levelN) > MAX_SHARE_OF_PEAK * peakN) {
                feet.add(String.format(Locale.ROOT, "%s %.0f N (its stride peaks %.0f N)", force.side().label(), levelN,
                        peakN));
            }
        }
        return feet.isEmpty() ? Optional.empty() : Optional.of("insole force far from 0 N in swing, when the foot"
                + " carries nothing (" + String.join(", ", feet) + ", medians): the insole's zero is off, and so is"
                + " every loading figure by as much (peaks, impulses, body weights); zero the insoles unloaded before"
                + " recording");
    }

    /**
     * The median of the finite force samples in the middle half of each stride's swing, one per
     * stride that has any, of at most {@value #MAX_STRIDES} strides.
     */
    private static double[] swingLevels(float[] forceN, List<StrideResult> strides, double startS, double rateHz) {
        int every = Math.max(1, (strides.size() + MAX_STRIDES - 1) / MAX_STRIDES);
        double[] levels = new double[MAX_STRIDES];
        double[] swing = new double[0];
        int count = 0;
        for (int k = 0; k < strides.size(); k += every) {
            Stride stride = strides.get(k).stride();
            double quarterS = (stride.endS() - stride.toeOffS()) / 4;
            int from = Math.max(0, (int) Math.ceil((stride.toeOffS() + quarterS - startS) * rateHz));
            int to = Math.min(forceN.length - 1, (int) Math.floor((stride.endS() - quarterS - startS) * rateHz));
            if (to - from + 1 > swing.length) {
                swing = new double[to - from + 1];
            }
            int n = 0;
            for (int i = from; i <= to; i++) {
                if (Float.isFinite(forceN[i])) {
                    swing[n++] = forceN[i];
                }
            }
            if (n > 0) {
                levels[count++] = median(Arrays.copyOf(swing, n));
            }
        }
        return Arrays.copyOf(levels, count);
    }

    /** The median, NaN of none; sorts {@code values}. */
    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
