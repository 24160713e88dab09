package org.soleus.core.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.StrideLimits;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * Notices on what the gait analysis found, for {@link LegLoadAnalyzer}: no strides or many
 * rejected, with the reasons and the limits; strides lost to missing samples; a sample rate too
 * low for the loading figures; loading in body weights that walking cannot give (implausible
 * peaks, a force over whole strides far from the body's weight). One line each, for standard
 * error and {@code summary.json}. Stateless.
 */
final class GaitNotices {
    /** Median stride peak forces outside these, in body weights, are told ({@link #implausiblePeakForce}). */
    private static final double MIN_PLAUSIBLE_PEAK_BW = 0.5;
    private static final double MAX_PLAUSIBLE_PEAK_BW = 4.0;
    /**
     * Both feet's mean force over whole strides outside 1 ± this, in body weights, is told
     * ({@link #forceScaleOffBodyWeight}): room for insole sensors' error and for strides that
     * speed up or slow down, far below the factor a wrong unit or a mass in pounds gives.
     */
    private static final double FORCE_SCALE_TOLERANCE = 0.2;
    /** At least this share of an analysed channel's samples missing, {@link #noStrides} tells it. */
    private static final double MOSTLY_MISSING_SHARE = 0.2;
    /** Above this share of a foot's candidate strides rejected, {@link #manyRejected} tells it. */
    private static final double MANY_REJECTED_SHARE = 0.2;
    private static final int MANY_REJECTED_MIN = 5;
    /** The most spans of strides lost to missing samples {@link #strideLostToMissingData} lists per foot. */
    private static final int LISTED_SPANS = 3;
    /** Below this sample rate, Hz, {@link #lowSampleRate} tells that the loading rate and the centre-of-pressure path come out low. */
    private static final double LOW_RATE_HZ = 60;

    private GaitNotices() {
    }

    /**
     * A recording shorter than the shortest stride accepted, which cannot hold one (a file cut
     * off, or only its first rows exported): said as such, rather than as the signal's fault.
     */
    static Optional<String> tooShortForAStride(GaitAnalysis gait, Recording recording) {
        double durationS = recording.length() / recording.sampleRateHz();
        double minStrideS = gait.settings().strideLimits().minStrideS();
        if (!gait.strides().isEmpty() || durationS >= minStrideS) {
            return Optional.empty();
        }
        // three significant digits: 80 samples at 300 Hz last 0.267 s, not 0.26666666666666666 s; more where three
        // would round up to the stride's minimum (1199 samples at 2000 Hz last 0.5995 s, not 0.6 s, under 0.6 s)
        BigDecimal exact = new BigDecimal(durationS);
        BigDecimal rounded = exact.round(new MathContext(3));
        for (int digits = 4; rounded.doubleValue() >= minStrideS && digits <= 17; digits++) {
            rounded = exact.round(new MathContext(digits));
        }
        String lasts = rounded.stripTrailingZeros().toPlainString();
        return Optional.of("no strides: the recording lasts " + lasts + " s (" + recording.length()
                + (recording.length() == 1 ? " sample" : " samples") + "), shorter than a stride (at least "
                + plain(minStrideS) + " s)");
    }

    /**
     * A recording in which no stride was accepted: how many candidates there were and why
     * each was rejected, with the limits of a stride, or that no foot made two heel strikes; and
     * the analysed channels of which at least {@value #MOSTLY_MISSING_SHARE} of the
     * {@code samples} are missing, the likelier reason then (a recording over a bad link).
     */
    static Optional<String> noStrides(GaitAnalysis gait, int samples) {
        if (!gait.strides().isEmpty()) {
            return Optional.empty();
        }
        String missing = mostlyMissing(gait, samples);
        if (gait.rejected().isEmpty()) {
            long heelStrikes = gait.events().stream().filter(e -> e.type() == GaitEventType.HEEL_STRIKE).count();
            return Optional.of("no strides: " + (heelStrikes == 0 ? "no heel strike was found"
                    : "no foot made two heel strikes in a row (" + heelStrikes + " heel strike" + (heelStrikes == 1 ? "" : "s")
                            + " in all)") + missing);
        }
        return Optional.of("no strides: all " + gait.rejected().size() + " candidates were rejected ("
                + reasonCounts(gait.rejected()) + ")" + reasonsExplained(gait.rejected(), gait)
                + " (rejected_strides in summary.json)" + missing);
    }

    /** "; 94 % of left.insole.force_n's samples are missing" for the channels {@link #noStrides} tells; else empty. */
    private static String mostlyMissing(GaitAnalysis gait, int samples) {
        List<String> channels = gait.missingSamples().entrySet().stream()
                .filter(e -> samples > 0 && e.getValue() >= MOSTLY_MISSING_SHARE * samples)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Math.round(100.0 * e.getValue() / samples) + " % of " + e.getKey() + "'s")
                .toList();
        return channels.isEmpty() ? "" : "; " + String.join(" and ", channels) + " samples are missing";
    }

    /**
     * A recording with loading figures sampled below {@value #LOW_RATE_HZ} Hz: the loading rate, a
     * slope over a few samples of a rise that lasts about 0.1 s, and the centre-of-pressure path,
     * a sum of the steps between samples, come out lower than at 100 Hz (the shipped Moticon walk
     * thinned to 50 and 25 Hz: loading rate 2 and 19 % lower, path 9 and 17 % shorter; peak force,
     * impulse and the phases within 1 %), so they compare only between recordings of the same rate.
     */
    static Optional<String> lowSampleRate(Recording recording, GaitAnalysis gait) {
        if (!gait.forceInNewtons() || gait.strides().isEmpty() || recording.sampleRateHz() >= LOW_RATE_HZ) {
            return Optional.empty();
        }
        return Optional.of("sampled at " + plain(recording.sampleRateHz()) + " Hz: the loading rate and the"
                + " centre-of-pressure path come out lower than at 100 Hz (on a walk thinned from 100 Hz, by 2 and 9 % at"
                + " 50 Hz, by a fifth at 25 Hz), so compare them only between recordings of the same rate; peak force and"
                + " impulse are not affected");
    }

    /**
     * Feet of which more than {@value #MANY_REJECTED_SHARE} of the candidate strides were
     * rejected (and at least {@value #MANY_REJECTED_MIN}): a gait the stride limits do not fit
     * (running, shuffling) or a detector that lost the foot, told with the reasons and the
     * limits. A recording without any stride gets {@link #noStrides} instead.
     */
    static Optional<String> manyRejected(GaitAnalysis gait) {
        List<Side> sides = manyRejectedFeet(gait);
        if (sides.isEmpty()) {
            return Optional.empty();
        }
        List<String> feet = new ArrayList<>();
        List<RejectedStride> theirs = new ArrayList<>();
        for (Side side : sides) {
            List<RejectedStride> rejected = gait.rejected().stream().filter(r -> r.side() == side).toList();
            long candidates = rejected.size() + gait.strides().stream().filter(r -> r.stride().side() == side).count();
            feet.add(side.label() + " " + rejected.size() + " of " + candidates + " (" + reasonCounts(rejected) + ")");
            theirs.addAll(rejected);
        }
        return Optional.of("many candidate strides were rejected: " + String.join("; ", feet)
                + reasonsExplained(theirs, gait));
    }

    /** The feet {@link #manyRejected} tells: none when no stride was accepted ({@link #noStrides} tells that). */
    private static List<Side> manyRejectedFeet(GaitAnalysis gait) {
        List<Side> feet = new ArrayList<>();
        if (gait.strides().isEmpty()) {
            return feet;
        }
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            long rejected = gait.rejected().stream().filter(r -> r.side() == side).count();
            long candidates = rejected + gait.strides().stream().filter(r -> r.stride().side() == side).count();
            if (rejected >= MANY_REJECTED_MIN && rejected > MANY_REJECTED_SHARE * candidates) {
                feet.add(side);
            }
        }
        return feet;
    }

    /**
     * Strides lost to missing samples (a dropout of the sensor or its link: {@code missing_data}),
     * of the feet that {@link #manyRejected} does not already tell: how many per foot and the span
     * of each, as {@code left 2 (6.9–8.0 s, 12.2–14.6 s)}, up to {@value #LISTED_SPANS} spans a
     * foot. A span may hold more than one stride: a heel strike lost in the gap joins the strides
     * on either side of it into one candidate.
     */
    static Optional<String> strideLostToMissingData(GaitAnalysis gait) {
        if (gait.strides().isEmpty()) {
            return Optional.empty();
        }
        List<Side> told = manyRejectedFeet(gait);
        List<String> feet = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            if (told.contains(side)) {
                continue;
            }
            List<String> spans = gait.rejected().stream()
                    .filter(r -> r.side() == side && r.reason() == RejectedStride.Reason.MISSING_DATA)
                    .map(r -> String.format(Locale.ROOT, "%.1f–%.1f s", r.startS(), r.endS())).toList();
            if (!spans.isEmpty()) {
                feet.add(side.label() + " " + spans.size() + " (" + String.join(", ",
                        spans.subList(0, Math.min(LISTED_SPANS, spans.size()))) + (spans.size() > LISTED_SPANS ? ", …" : "")
                        + ")");
            }
        }
        return feet.isEmpty() ? Optional.empty() : Optional.of("strides lost to missing samples (a dropout of the sensor"
                + " or its link?): " + String.join("; ", feet) + "; a stride with missing samples is not measured (gaps of"
                + " up to " + plain(gait.settings().maxGapInterpolatedS()) + " s are bridged; missing_samples in"
                + " summary.json)");
    }

    /** How many of {@code rejected} were rejected for each reason: {@code 14 stride_duration, 2 phase_duration}. */
    private static String reasonCounts(List<RejectedStride> rejected) {
        Map<RejectedStride.Reason, Long> reasons = new EnumMap<>(RejectedStride.Reason.class);
        for (RejectedStride r : rejected) {
            reasons.merge(r.reason(), 1L, Long::sum);
        }
        List<String> counts = new ArrayList<>();
        reasons.forEach((reason, n) -> counts.add(n + " " + reason.label()));
        return String.join(", ", counts);
    }

    /**
     * What the reasons of {@code rejected} ask of a stride, each after {@code "; "}: the stride
     * limits for durations outside them, the gap bridging for missing samples; empty for the
     * other reasons, which name what happened.
     */
    private static String reasonsExplained(List<RejectedStride> rejected, GaitAnalysis gait) {
        StringBuilder text = new StringBuilder();
        if (rejected.stream().anyMatch(r -> r.reason() == RejectedStride.Reason.STRIDE_DURATION
                || r.reason() == RejectedStride.Reason.PHASE_DURATION)) {
            text.append("; ").append(strideLimits(gait));
        }
        if (rejected.stream().anyMatch(r -> r.reason() == RejectedStride.Reason.MISSING_DATA)) {
            text.append("; a stride with missing samples is not measured (gaps of up to ")
                    .append(plain(gait.settings().maxGapInterpolatedS())).append(" s are bridged)");
        }
        return text.toString();
    }

    /** The stride limits in words: {@code a stride lasts 0.6–3 s with stance 30–80 % of it}. */
    private static String strideLimits(GaitAnalysis gait) {
        StrideLimits limits = gait.settings().strideLimits();
        return "a stride lasts " + plain(limits.minStrideS()) + "–" + plain(limits.maxStrideS()) + " s with stance "
                + plain(limits.minStancePct()) + "–" + plain(limits.maxStancePct()) + " % of it";
    }

    /**
     * Feet whose strides' median peak force is implausible for walking or running, in body
     * weights (walking peaks at about 1.1–1.5: Winter, "Biomechanics and Motor Control of Human
     * Movement", 4th ed. 2009; running at 2–3: Cavanagh and Lafortune, J Biomech 13:397–406,
     * 1980): a force in kilonewtons labelled newtons, or the reverse, a sensor far off its
     * calibration, or a wrong body mass. The figures are kept; the notice says what to check.
     *
     * @param peaksBw each foot's strides' peak forces, body weights (sorted here)
     */
    static Optional<String> implausiblePeakForce(Map<Side, double[]> peaksBw) {
        List<String> feet = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] peaks = peaksBw.getOrDefault(side, new double[0]);
            if (peaks.length == 0) {
                continue;
            }
            Arrays.sort(peaks);
            double median = peaks[peaks.length / 2];
            if (median < MIN_PLAUSIBLE_PEAK_BW || median > MAX_PLAUSIBLE_PEAK_BW) {
                feet.add(String.format(Locale.ROOT, "%s %.3g", side.label(), median));
            }
        }
        return feet.isEmpty() ? Optional.empty() : Optional.of("median stride peak force (" + String.join(", ", feet)
                + " body weights) is far from walking's 1.1–1.5 or running's 2–3: check the force unit (newtons,"
                + " not kilonewtons), the insole's calibration and the body mass");
    }

    /**
     * A session whose two feet's force, averaged over whole strides ({@link SessionSummary#meanForceBw},
     * {@link MeanForceOverStrides}), is not about the body's weight of {@code massKg}: the body mass or the insoles' force scale is
     * off, and every figure in body weights with it. Says the mass the force would imply.
     */
    static Optional<String> forceScaleOffBodyWeight(double meanForceBw, double massKg) {
        if (!(Math.abs(meanForceBw - 1) > FORCE_SCALE_TOLERANCE)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "both feet's force averages %.2f body weights over whole strides,"
                + " not 1 as in steady walking: the body mass (%s kg) or the force scale is off by that factor (the"
                + " force fits %.0f kg), and so is every figure in body weights", meanForceBw, plain(massKg),
                meanForceBw * massKg));
    }

    /** {@code value} without trailing zeros: 0.6, 3, 80. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
