package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.recording.Recording;

/**
 * Notices on the leg figures of {@link LegLoadAnalyzer}: plantar-flexor moments on the default
 * foot, for standard error and {@code summary.json}. Stateless.
 */
final class LegLoadNotices {

    private LegLoadNotices() {
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
}
