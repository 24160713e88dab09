package org.soleus.io.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Side;

/**
 * Maps WFDB signal descriptions to channel names.
 *
 * <ul>
 *   <li>{@code left-foot} and {@code right-foot} (any case; the footswitch signals of the PhysioNet
 *       gaitndd database) become {@code left.insole.force_au} and {@code right.insole.force_au}:
 *       a force-sensitive-resistor signal that rises with load but is only roughly proportional
 *       to force, hence the arbitrary unit, whatever units the header states. So does a signal
 *       without a description in a file named as gaitndd names them, {@code <record>.let} and
 *       {@code <record>.rit}, with a warning ({@link #warnings}), where no description names
 *       that foot.</li>
 *   <li>Any other description becomes {@code none.signal.<quantity>_<unit>}: the quantity is the
 *       description in lower case with every run of other characters than a-z and 0-9 turned
 *       into one {@code _} ({@code "ECG lead II"} → {@code ecg_lead_ii}), prefixed with {@code s}
 *       when it starts with a digit, or {@code signal<n>} (1-based) when the description is
 *       empty; the unit is the header's units in lower case with {@code %} spelt {@code pct},
 *       {@code µ} spelt {@code u} and all else but a-z and 0-9 removed ({@code mV} → {@code mv}),
 *       WFDB's default {@code mv} when the header gives no units, {@code au} when nothing is
 *       left.</li>
 *   <li>A name already taken gets {@code _2}, {@code _3}, ... appended to its quantity.</li>
 * </ul>
 * A signal that is no foot's force, while its description looks like a foot's ({@link #warnings}),
 * is told of, since its foot then gives no gait events. Stateless and thread-safe.
 */
final class WfdbChannelNaming {

    /** Place used for signals that are not foot signals: where the sensor sat is unknown. */
    static final String OTHER_PLACE = "signal";

    private WfdbChannelNaming() {
    }

    /** One channel name per signal, in order, all distinct. */
    static List<ChannelName> names(List<WfdbSignalSpec> signals) {
        List<Side> described = signals.stream().map(s -> describedFoot(s.description())).toList();
        List<ChannelName> names = new ArrayList<>(signals.size());
        for (int i = 0; i < signals.size(); i++) {
            ChannelName name = name(signals.get(i), i + 1, described);
            ChannelName unique = name;
            for (int k = 2; names.contains(unique); k++) {
                unique = ChannelName.of(name.side(), name.place(), name.quantity() + "_" + k, name.unit());
            }
            names.add(unique);
        }
        return names;
    }

    /**
     * A warning, at its line of {@code file}, for each signal read as a foot's force by its file's
     * name for want of a description, and for each signal whose channel is not a foot's force
     * although its description looks like one ({@link #looksLikeAFoot}): a second signal of the
     * same foot ({@code left.insole.force_2_au}), or a description that is not exactly
     * {@code left-foot} or {@code right-foot} ({@code left foot}, a mistyped byte, a header line
     * cut short after {@code right-}), which would otherwise lose that foot's events without a
     * word.
     *
     * @param names the signals' channel names, from {@link #names}
     */
    static List<String> warnings(Path file, List<WfdbSignalSpec> signals, List<ChannelName> names) {
        List<String> warnings = new ArrayList<>();
        List<Side> feet = names.stream().filter(WfdbChannelNaming::isFootForce).map(ChannelName::side).toList();
        for (int i = 0; i < signals.size(); i++) {
            WfdbSignalSpec signal = signals.get(i);
            ChannelName name = names.get(i);
            boolean footForce = isFootForce(name);
            if (footForce && signal.description().isBlank()) {
                warnings.add(file + ":" + signal.line() + ": signal " + (i + 1) + " has no description; read as "
                        + name + ", the " + name.side().label() + " foot's footswitch, as gaitndd names its file ("
                        + signal.fileName() + "); expected the description " + name.side().label() + "-foot");
            } else if (!footForce && looksLikeAFoot(signal, feet)) {
                warnings.add(file + ":" + signal.line() + ": signal " + (i + 1) + " ('" + signal.description()
                        + "') is read as " + name + ", not as a foot's force, and gives no gait events"
                        + (name.side() == Side.NONE ? "; expected the description left-foot or right-foot"
                        : ": an earlier signal is that foot's"));
            }
        }
        return warnings;
    }

    /**
     * Whether a signal whose description is not exactly a foot's was likely meant as one: the
     * description mentions a foot, or, in a record with one foot's signal but not the other's, it
     * starts with that other side ({@code right-}, a line cut short) or is empty, or the signal
     * is in the file gaitndd keeps that other foot's in ({@code R} in a {@code .rit} file). A
     * record's ECG or knee angle next to its footswitches is not.
     */
    private static boolean looksLikeAFoot(WfdbSignalSpec signal, List<Side> feet) {
        String d = signal.description().strip().toLowerCase(Locale.ROOT);
        if (d.contains("foot")) {
            return true;
        }
        if (feet.isEmpty() || feet.containsAll(List.of(Side.LEFT, Side.RIGHT))) {
            return false;
        }
        Side missing = feet.contains(Side.LEFT) ? Side.RIGHT : Side.LEFT;
        return d.isEmpty() || d.startsWith(missing.label()) || footOfFileName(signal.fileName()) == missing;
    }

    private static boolean isFootForce(ChannelName name) {
        return name.side() != Side.NONE && name.quantity().equals("force");
    }

    /**
     * @param described the foot each signal's description names ({@link #describedFoot}), so that
     *                  a file's name gives no foot that a description gives
     */
    private static ChannelName name(WfdbSignalSpec signal, int number, List<Side> described) {
        String description = signal.description().strip().toLowerCase(Locale.ROOT);
        Side foot = describedFoot(description);
        if (foot == Side.NONE && description.isEmpty() && !described.contains(footOfFileName(signal.fileName()))) {
            foot = footOfFileName(signal.fileName());
        }
        if (foot != Side.NONE) {
            return ChannelName.of(foot, "insole", "force", "au");
        }
        return ChannelName.of(Side.NONE, OTHER_PLACE, quantity(description, number), unit(signal.units()));
    }

    /** The foot a description names: {@code left-foot} or {@code right-foot} in any case, else {@link Side#NONE}. */
    private static Side describedFoot(String description) {
        String d = description.strip().toLowerCase(Locale.ROOT);
        return d.equals("left-foot") ? Side.LEFT : d.equals("right-foot") ? Side.RIGHT : Side.NONE;
    }

    /**
     * The foot whose footswitch signal gaitndd keeps in a file of this name's extension
     * ({@code .let} left, {@code .rit} right, any case), or {@link Side#NONE}.
     */
    private static Side footOfFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".let") ? Side.LEFT : name.endsWith(".rit") ? Side.RIGHT : Side.NONE;
    }

    static String quantity(String description, int number) {
        String q = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (q.isEmpty()) {
            return "signal" + number;
        }
        return Character.isDigit(q.charAt(0)) ? "s" + q : q;
    }

    static String unit(String units) {
        if (units == null) {
            return "mv";
        }
        String u = units.toLowerCase(Locale.ROOT).replace("%", "pct").replace('\u00b5', 'u').replace('\u03bc', 'u')
                .replaceAll("[^a-z0-9]", "");
        return u.isEmpty() ? "au" : u;
    }
}
