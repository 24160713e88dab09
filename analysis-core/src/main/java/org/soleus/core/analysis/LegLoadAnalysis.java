package org.soleus.core.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.exercise.CalfRaiseRepetition;
import org.soleus.core.recording.Side;

/**
 * What {@link LegLoadAnalyzer} found in one recording.
 *
 * @param gait        the gait analysis, its strides carrying their {@link StrideLegLoad}
 * @param legs        derived signals per leg, for the legs where any could be derived
 * @param summaries   per-leg session figures, for the same legs
 * @param calfRaises  calf-raise repetitions of both feet, in time order
 * @param calfRaiseFeet feet whose insole allowed calf-raise detection (force in newtons and
 *                    centre of pressure), whether or not any repetition was found
 * @param settings    the settings used
 * @param notices     what could not be derived for a leg and why, one line each (e.g. a knee
 *                    angle whose IMUs do not move after their calibration period)
 */
public record LegLoadAnalysis(GaitAnalysis gait, Map<Side, LegSeries> legs, Map<Side, LegSummary> summaries,
                              List<CalfRaiseRepetition> calfRaises, List<Side> calfRaiseFeet,
                              LegLoadSettings settings, List<String> notices) {
    public LegLoadAnalysis {
        Objects.requireNonNull(gait, "gait");
        legs = Map.copyOf(legs);
        summaries = Map.copyOf(summaries);
        calfRaises = List.copyOf(calfRaises);
        calfRaiseFeet = List.copyOf(calfRaiseFeet);
        Objects.requireNonNull(settings, "settings");
        notices = List.copyOf(notices);
    }

    /**
     * The notice for a leg whose Achilles force should use the ankle angle (an angle-dependent
     * moment arm) but has none, of a file or a live stream alike.
     */
    public static String noAnkleAngleNotice(Side side) {
        String leg = side.label();
        return leg + " leg: no ankle angle (needs " + leg + ".shank.* and " + leg + ".foot.* IMUs that move after the"
                + " standing calibration); its Achilles force uses the constant moment arm";
    }
}
