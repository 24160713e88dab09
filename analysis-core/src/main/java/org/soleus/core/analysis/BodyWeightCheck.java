package org.soleus.core.analysis;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.soleus.core.recording.Side;

/**
 * Whether the loading in body weights can be trusted, gathered stride by stride: the notice
 * {@code analyze} gives when the feet's median stride peak force is far from walking's or
 * running's (a force unit off by a thousand, {@link GaitNotices#implausiblePeakForce}), or else
 * when both feet's force over whole strides is far from the body's weight (a wrong body mass or
 * force scale, {@link MeanForceOverStrides}). {@link LegLoadAnalyzer} drives it over a
 * recording's strides, the live analysis as they complete.
 *
 * <p>Keeps each stride's peak force, a few bytes per stride. Not thread-safe.
 */
public final class BodyWeightCheck {
    private final MeanForceOverStrides meanForce = new MeanForceOverStrides();
    private final double[][] peaksBw = {new double[64], new double[64]};
    private final int[] peakCounts = new int[2];

    /** Adds a stride; one without loading figures adds nothing. */
    public void accept(StrideResult result) {
        meanForce.accept(result);
        double peak = result.loading() == null ? Double.NaN : result.loading().peakForceBw();
        if (Double.isFinite(peak)) {
            int foot = result.stride().side() == Side.LEFT ? 0 : 1;
            if (peakCounts[foot] == peaksBw[foot].length) {
                peaksBw[foot] = Arrays.copyOf(peaksBw[foot], 2 * peakCounts[foot]);
            }
            peaksBw[foot][peakCounts[foot]++] = peak;
        }
    }

    /** The fewer of the two feet's strides with loading figures added so far. */
    public int fewerFootStrides() {
        return meanForce.fewerFootStrides();
    }

    /** The notice on the strides so far for a body of {@code massKg}; empty when the loading is plausible. */
    public Optional<String> notice(double massKg) {
        Map<Side, double[]> peaks = new EnumMap<>(Side.class);
        peaks.put(Side.LEFT, Arrays.copyOf(peaksBw[0], peakCounts[0]));
        peaks.put(Side.RIGHT, Arrays.copyOf(peaksBw[1], peakCounts[1]));
        Optional<String> implausible = GaitNotices.implausiblePeakForce(peaks);
        return implausible.isPresent() ? implausible
                : GaitNotices.forceScaleOffBodyWeight(meanForce.meanForceBw(massKg), massKg);
    }
}
