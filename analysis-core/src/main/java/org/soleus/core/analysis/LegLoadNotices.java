package org.soleus.core.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.StrideLimits;
import org.soleus.core.load.FootPressureChannels;
import org.soleus.core.load.PressureTrackChannels;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.SampleStats;
import org.soleus.core.recording.Side;

/**
 * The notices of {@link LegLoadAnalyzer}: one line each on a figure the recording cannot give,
 * and why, for standard error and {@code summary.json}. Stateless.
 */
final class LegLoadNotices {
    /** Median stride peak forces outside these, in body weights, are told ({@link #implausiblePeakForce}). */
    private static final double MIN_PLAUSIBLE_PEAK_BW = 0.5;
    private static final double MAX_PLAUSIBLE_PEAK_BW = 4.0;
    /**
     * Both feet's mean force over whole strides outside 1 ± this, in body weights, is told
     * ({@link #forceScaleOffBodyWeight}): room for insole sensors' error and for strides that
     * speed up or slow down, far below the factor a wrong unit or a mass in pounds gives.
     */
    private static final double FORCE_SCALE_TOLERANCE = 0.2;
    /** Above this share of a foot's candidate strides rejected, {@link #manyRejected} tells it. */
    private static final double MANY_REJECTED_SHARE = 0.2;
    /** Normalised centre-of-pressure values beyond this are told ({@link #copBeyondTheInsole}): twice the insole's half. */
    private static final double MAX_NORMALISED_COP = 1.0;
    /** How far below 0 a heel-to-toe centre of pressure may go and still be taken for one on 0…1 ({@link #copOnZeroToOne}): noise. */
    private static final double ZERO_TO_ONE_MIN_TOLERANCE = 0.02;
    /** The highest value a heel-to-toe centre of pressure on 0…1 reaches at least ({@link #copOnZeroToOne}): beyond the toes on −0.5…+0.5. */
    private static final double ZERO_TO_ONE_MIN_MAX = 0.6;
    private static final int MANY_REJECTED_MIN = 5;
    /** The most start times of strides lost to missing samples {@link #strideLostToMissingData} lists per foot. */
    private static final int LISTED_TIMES = 3;
    /** Units of mass that a force channel may be named in by mistake for kilogram-force or pound-force. */
    private static final Set<String> MASS_UNITS = Set.of("kg", "g", "lb", "lbs");
    /** Below this sample rate, Hz, {@link #lowSampleRate} tells that the loading rate and the centre-of-pressure path come out low. */
    private static final double LOW_RATE_HZ = 60;

    private LegLoadNotices() {
    }

    /** Whether the channel has at least one sample. */
    static boolean hasSamples(Channel channel) {
        return channel.missingCount() < channel.length();
    }

    /**
     * A recording in which no stride was accepted: how many candidates there were and why
     * each was rejected, with the limits of a stride, or that no foot made two heel strikes.
     */
    static Optional<String> noStrides(GaitAnalysis gait) {
        if (!gait.strides().isEmpty()) {
            return Optional.empty();
        }
        if (gait.rejected().isEmpty()) {
            long heelStrikes = gait.events().stream().filter(e -> e.type() == GaitEventType.HEEL_STRIKE).count();
            return Optional.of("no strides: " + (heelStrikes == 0 ? "no heel strike was found"
                    : "no foot made two heel strikes in a row (" + heelStrikes + " heel strike" + (heelStrikes == 1 ? "" : "s")
                            + " in all)"));
        }
        return Optional.of("no strides: all " + gait.rejected().size() + " candidates were rejected ("
                + reasonCounts(gait.rejected()) + ")" + reasonsExplained(gait.rejected(), gait)
                + " (rejected_strides in summary.json)");
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
     * of the feet that {@link #manyRejected} does not already tell: how many per foot and where, as
     * {@code left 2 (starting at 6.9 s, 8.2 s)}, up to {@value #LISTED_TIMES} times a foot.
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
            List<String> starts = gait.rejected().stream()
                    .filter(r -> r.side() == side && r.reason() == RejectedStride.Reason.MISSING_DATA)
                    .map(r -> StoppedFootNotice.seconds(r.startS())).toList();
            if (!starts.isEmpty()) {
                feet.add(side.label() + " " + starts.size() + " (starting at " + String.join(", ",
                        starts.subList(0, Math.min(LISTED_TIMES, starts.size()))) + (starts.size() > LISTED_TIMES ? ", …" : "")
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
     */
    static Optional<String> implausiblePeakForce(GaitAnalysis gait) {
        List<String> feet = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] peaks = gait.strides().stream().filter(r -> r.stride().side() == side && r.loading() != null)
                    .mapToDouble(r -> r.loading().peakForceBw()).filter(Double::isFinite).sorted().toArray();
            if (peaks.length == 0) {
                continue;
            }
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
     * A session whose two feet's force, averaged over whole strides, is not about the body's
     * weight ({@link SessionSummary#meanForceBw}): the body mass or the insoles' force scale is
     * off, and every figure in body weights with it. Says the mass the force would imply.
     */
    static Optional<String> forceScaleOffBodyWeight(GaitAnalysis gait, double massKg) {
        double meanForceBw = gait.session().meanForceBw();
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

    /** A sample as written, without trailing zeros: 48.3, not 48.29999923706055. */
    private static String plain(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }

    /**
     * A recording whose insole force is in another unit than newtons (e.g. {@code au} for
     * footswitch-like signals): the gait analysis then gives timing only.
     */
    static Optional<String> forceNotInNewtons(Recording recording) {
        List<String> others = new ArrayList<>();
        boolean masses = false;
        for (ChannelName name : InsoleChannels.forceChannels(recording.channelNames())) {
            if (!name.unit().equals("n")) {
                others.add(name.toString());
                masses |= MASS_UNITS.contains(name.unit());
            }
        }
        if (!others.isEmpty()) {
            return Optional.of("insole force " + String.join(" and ", others) + (others.size() == 1 ? " is" : " are")
                    + " not in newtons: loading figures need force in newtons, so this input gives events and strides"
                    + " but no loading figures" + (masses ? "; kg and lb are masses: a force in kilogram-force or"
                    + " pound-force is named _kgf or _lbf, and is converted to newtons while reading" : ""));
        }
        List<String> units = new ArrayList<>();
        for (ChannelName name : recording.channelNames()) {
            if (InsoleChannels.isCell(name) && !name.unit().equals("n") && !units.contains(name.unit())) {
                units.add(name.unit());
            }
        }
        return units.isEmpty() ? Optional.empty() : Optional.of("the insole cells are in " + String.join(" and ", units)
                + ", not newtons (raw counts need a calibration to become newtons): loading figures need force in"
                + " newtons, so this input gives events and strides but no loading figures");
    }

    /**
     * Insoles whose force in newtons is negative in most of its samples and reaches further below
     * zero than above it: a force sensor reads about 0 unloaded and more under load, so the
     * channel's sign is inverted or its zero far off, and events and loading from it are wrong.
     * (A foot unloaded most of the time with a zero slightly below 0 N is not told.)
     */
    static Optional<String> negativeForce(Recording recording) {
        List<String> feet = new ArrayList<>();
        for (ChannelName name : InsoleChannels.forceChannels(recording.channelNames())) {
            if (!name.unit().equals("n")) {
                continue;
            }
            SampleStats stats = recording.channel(name.toString()).stats();
            if (stats.negative() > stats.finite() / 2 && -stats.min() > stats.max()) {
                feet.add(String.format(Locale.ROOT, "%s %.0f %%", name.side().label(),
                        100.0 * stats.negative() / stats.finite()));
            }
        }
        return feet.isEmpty() ? Optional.empty() : Optional.of("insole force below 0 N in most samples ("
                + String.join(", ", feet) + "): a force sensor reads about 0 unloaded and more under load; check the"
                + " channel's sign and zero, since events and loading from it are wrong");
    }

    /** Insoles whose force channel has no sample at all (a one-insole recording's other columns). */
    static Optional<String> emptyInsoles(Recording recording) {
        List<String> empty = new ArrayList<>();
        for (ChannelName name : InsoleChannels.forceChannels(recording.channelNames())) {
            Channel force = recording.channel(name.toString());
            if (force.length() > 0 && !hasSamples(force)) {
                empty.add(name.side().label());
            }
        }
        return empty.isEmpty() ? Optional.empty()
                : Optional.of(insolesHave(empty) + " no sample (every row empty or NaN): no figures from "
                        + (empty.size() == 1 ? "that insole" : "either insole"));
    }

    /**
     * Insoles whose force has samples but never changes (0 throughout, say: a sensor that was not
     * connected or not worn): no contact can be found in it, so it gives no events, strides or
     * loading (where IMUs time the events, such a foot takes them from its IMU alone).
     */
    static Optional<String> flatInsoles(Recording recording) {
        List<String> flat = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (ChannelName name : InsoleChannels.forceChannels(recording.channelNames())) {
            float value = InsoleChannels.constantValue(recording.channel(name.toString()));
            if (!Float.isNaN(value)) {
                flat.add(name.side().label());
                values.add(value);
            }
        }
        if (flat.isEmpty()) {
            return Optional.empty();
        }
        boolean same = values.stream().distinct().count() == 1;
        String value = plain(values.get(0).floatValue());
        return Optional.of(insolesHave(flat) + " the same force in every sample ("
                + (same ? "always " + value : "each its own constant") + "), as if not connected or not worn: no events,"
                + " strides or loading from " + (flat.size() == 1 ? "it" : "them"));
    }

    /**
     * Normalised centre-of-pressure channels ({@code <side>.insole.cop_x_norm}, {@code cop_y_norm})
     * with values beyond ±{@value #MAX_NORMALISED_COP}: a centre of pressure lies on the insole,
     * within −0.5…+0.5 of its width or length, so such a channel is in other units (percent,
     * millimetres), and the moments and centre-of-pressure figures from it are wrong. (Noise a little
     * beyond ±0.5 is not told.)
     */
    static Optional<String> copBeyondTheInsole(Recording recording) {
        List<String> channels = normalisedCopRanges(recording, quantity -> quantity.startsWith("cop_"),
                stats -> stats.max() > MAX_NORMALISED_COP || stats.min() < -MAX_NORMALISED_COP);
        return channels.isEmpty() ? Optional.empty() : Optional.of("centre of pressure beyond the insole ("
                + String.join(", ", channels) + "): a normalised centre of pressure lies within −0.5…+0.5 of the"
                + " insole; in percent or millimetres? The moments and centre-of-pressure figures from it are wrong");
    }

    /**
     * Heel-to-toe centre-of-pressure channels ({@code <side>.insole.cop_y_norm}) that look
     * normalised to 0…1 of the insole's length rather than −0.5…+0.5: never below
     * −{@value #ZERO_TO_ONE_MIN_TOLERANCE} yet above {@value #ZERO_TO_ONE_MIN_MAX}, beyond the
     * toes in the toolkit's convention (and within ±{@value #MAX_NORMALISED_COP}, else
     * {@link #copBeyondTheInsole} tells it). On −0.5…+0.5 a walking foot's centre of pressure starts
     * its stance behind the middle, below 0; one on 0…1 never does, and reaches past 0.5 at push-off.
     * Such a channel puts the centre of pressure half an insole forward, so the moment arm and the
     * soleus figures are wrong; the progression, a difference, is not.
     */
    static Optional<String> copOnZeroToOne(Recording recording) {
        List<String> channels = normalisedCopRanges(recording, quantity -> quantity.equals("cop_y"),
                stats -> stats.min() >= -ZERO_TO_ONE_MIN_TOLERANCE && stats.max() > ZERO_TO_ONE_MIN_MAX
                        && stats.max() <= MAX_NORMALISED_COP);
        return channels.isEmpty() ? Optional.empty() : Optional.of("centre of pressure from heel to toe on 0…1 ("
                + String.join(", ", channels) + "): a normalised centre of pressure runs from −0.5 at the heel to +0.5 at"
                + " the toes; subtract 0.5 if the insoles give 0 at the heel and 1 at the toes. The moments and soleus"
                + " figures from it are wrong");
    }

    /**
     * The insoles' normalised centre-of-pressure channels of the given quantities whose samples
     * (at least one finite) {@code out} picks, each as its name and range ("{@code left.insole.cop_y_norm
     * from 0.08 to 0.91}").
     */
    private static List<String> normalisedCopRanges(Recording recording, Predicate<String> quantities,
                                                    Predicate<SampleStats> out) {
        List<String> channels = new ArrayList<>();
        for (Channel channel : recording.channels()) {
            ChannelName name = channel.name();
            if (name.place().equals("insole") && name.unit().equals("norm") && quantities.test(name.quantity())) {
                SampleStats stats = channel.stats();
                if (stats.finite() > 0 && out.test(stats)) {
                    channels.add(name + " from " + plain(stats.min()) + " to " + plain(stats.max()));
                }
            }
        }
        return channels;
    }

    /**
     * Insoles with cell channels but neither a cell layout nor a heel force derived otherwise: no
     * heel share, and the centre-of-pressure figures from the insole's own centre of pressure where
     * it gives one. (An insole without cells has no heel share to miss.)
     */
    static Optional<String> noCellLayout(Recording recording) {
        List<String> feet = new ArrayList<>();
        boolean alongTheFoot = true;
        boolean acrossTheFoot = true;
        for (ChannelName name : InsoleChannels.forceChannels(recording.channelNames())) {
            Side side = name.side();
            if (recording.metadata().layout(side) == null && hasCells(recording, side)
                    && recording.find(FootPressureChannels.heelForce(side)).isEmpty()) {
                feet.add(side.label());
                PressureTrackChannels own = PressureTrackChannels.of(side, null);
                alongTheFoot &= recording.find(own.copY()).isPresent();
                acrossTheFoot &= recording.find(own.copX()).isPresent();
            }
        }
        if (feet.isEmpty()) {
            return Optional.empty();
        }
        String centreOfPressure = !alongTheFoot ? "cop_path and cop_progression are empty too"
                : acrossTheFoot ? "cop_path and cop_progression use the insole's own centre of pressure (normalised"
                        + " to its width and length)"
                : "cop_progression uses the insole's own heel-to-toe centre of pressure, and cop_path is empty"
                        + " (no position across the foot)";
        return Optional.of(insolesHave(feet) + " cell channels but no cell layout (their positions):"
                + " heel_share_pct is empty; " + centreOfPressure);
    }

    /**
     * Plantar-flexor moments on the default insole length: none given and a recording that states
     * none (a vendor's size code, such as Moticon's, is not an EU shoe size).
     */
    static Optional<String> defaultInsoleLength(Recording recording, Collection<LegSeries> legs,
                                                LegLoadSettings settings) {
        if (settings.givenGeometry().givesLength()) {
            return Optional.empty();
        }
        List<String> feet = new ArrayList<>();
        FootGeometry used = null;
        for (LegSeries leg : legs) {
            if (leg.momentNm() != null
                    && Double.isNaN(FootGeometry.statedInsoleLengthM(recording.metadata(), leg.side()))) {
                feet.add(leg.side().label());
                used = settings.geometry(recording.metadata(), leg.side());
            }
        }
        if (feet.isEmpty()) {
            return Optional.empty();
        }
        String size = recording.metadata().properties().get(FootGeometry.INSOLE_SIZE_PROPERTY);
        boolean heelToAnkleSet = !Double.isNaN(settings.givenGeometry().heelToAnkleM())
                || !Double.isNaN(FootGeometry.statedHeelToAnkleM(recording.metadata()));
        return Optional.of("the recording states no insole length"
                + (size == null ? "" : " (its insole size '" + size + "' is not an EU shoe size of 30–50)")
                + ", so the " + String.join(" and ", feet) + " plantar-flexor moment"
                + (feet.size() == 1 ? " uses" : "s use")
                + String.format(Locale.ROOT, heelToAnkleSet
                        ? " a %.3f m insole, with the %.3f m from heel to ankle set; moments scale with the insole's"
                                + " length, so give the subject's own for exact figures"
                        : " a %.3f m insole with %.3f m from heel to ankle; moments scale with these lengths, so give"
                                + " the subject's own for exact figures",
                used.insoleLengthM(), used.heelToAnkleM()));
    }

    private static boolean hasCells(Recording recording, Side side) {
        for (ChannelName name : recording.channelNames()) {
            if (name.side() == side && InsoleChannels.isCell(name)) {
                return true;
            }
        }
        return false;
    }

    /** "the left insole has" or "the left and right insoles have". */
    private static String insolesHave(List<String> feet) {
        return "the " + String.join(" and ", feet) + (feet.size() == 1 ? " insole has" : " insoles have");
    }
}
