package org.soleus.core.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.load.FootPressureChannels;
import org.soleus.core.load.PressureTrackChannels;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.SampleStats;
import org.soleus.core.recording.Side;

/**
 * Notices on a recording's insole signals, for {@link LegLoadAnalyzer}: a force that is not in
 * newtons, below zero, empty or flat; a centre of pressure in other units than the insole's;
 * no cell layout for the heel share. One line each, for standard error and
 * {@code summary.json}. Stateless.
 */
final class InsoleSignalNotices {
    /** Normalised centre-of-pressure values beyond this are told ({@link #copBeyondTheInsole}): twice the insole's half. */
    private static final double MAX_NORMALISED_COP = PlantarFlexionMoment.MAX_COP_NORM;
    /** How far below 0 a heel-to-toe centre of pressure may go and still be taken for one on 0…1 ({@link #copOnZeroToOne}): noise. */
    private static final double ZERO_TO_ONE_MIN_TOLERANCE = 0.02;
    /** The highest value a heel-to-toe centre of pressure on 0…1 reaches at least ({@link #copOnZeroToOne}): beyond the toes on −0.5…+0.5. */
    private static final double ZERO_TO_ONE_MIN_MAX = 0.6;

    private InsoleSignalNotices() {
    }

    /** Units of mass that a force channel may be named in by mistake for kilogram-force or pound-force. */
    private static final Set<String> MASS_UNITS = Set.of("kg", "g", "lb", "lbs");

    /** Whether the channel has at least one sample. */
    static boolean hasSamples(Channel channel) {
        return channel.missingCount() < channel.length();
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
     * millimetres): the moments leave out its samples beyond that, and its centre-of-pressure
     * figures are wrong. (Noise a little beyond ±0.5 is not told.)
     */
    static Optional<String> copBeyondTheInsole(Recording recording) {
        List<String> channels = normalisedCopRanges(recording, quantity -> quantity.startsWith("cop_"),
                stats -> stats.max() > MAX_NORMALISED_COP || stats.min() < -MAX_NORMALISED_COP);
        return channels.isEmpty() ? Optional.empty() : Optional.of("centre of pressure beyond the insole ("
                + String.join(", ", channels) + "): a normalised centre of pressure lies within −0.5…+0.5 of the"
                + " insole; in percent or millimetres? The moments leave out its samples beyond ±1, and the"
                + " centre-of-pressure figures from it are wrong");
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
