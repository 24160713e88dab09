package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionLoading;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.joint.HingeJoint;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * Notices on the leg figures of {@link LegLoadAnalyzer}: plantar-flexor moments on the default
 * foot, for standard error and {@code summary.json}. Stateless.
 */
final class LegLoadNotices {
    /** The places of the leg's IMUs. */
    private static final List<String> LEG_IMU_PLACES = List.of("foot", "shank", "thigh");
    /**
     * An insole force in newtons, with samples, but no centre of pressure along the foot, where
     * the recording is one for the leg analysis (the other foot's insole has one, or this leg
     * has IMUs): the leg has no plantar-flexor moment, so none of the figures built on it, and
     * its foot is not searched for calf raises. (A recording of insoles alone without one, such
     * as PhysioNet gaitpdb's, is not told: it is one for the gait.)
     */
    static Optional<String> noCentreOfPressure(Recording recording, Side side, Optional<Channel> force,
                                               Optional<Channel> cop) {
        if (force.isEmpty() || cop.isPresent() || !force.get().name().unit().equals("n")
                || !InsoleSignalNotices.hasSamples(force.get())) {
            return Optional.empty();
        }
        Side other = side == Side.LEFT ? Side.RIGHT : Side.LEFT;
        boolean legImus = recording.channelNames().stream().anyMatch(name -> name.side() == side
                && LEG_IMU_PLACES.contains(name.place()));
        if (recording.find(PlantarFlexionLoading.copChannel(other)).isEmpty() && !legImus) {
            return Optional.empty();
        }
        return Optional.of(side.label() + " plantar-flexor moment: the insole has no centre of pressure along the foot ("
                + side.label() + ".insole.cop_y_norm): no moment, Achilles force or soleus"
                + " figures for this leg, and no calf raises");
    }

    /**
     * A leg with one of the knee's two IMUs (thigh, shank) but not the other: no knee angle, so
     * no knee or soleus figures, and its calf raises' knee is unknown.
     */
    static Optional<String> oneKneeSegment(Recording recording, Side side) {
        boolean thigh;
        boolean shank;
        try {
            thigh = ImuChannels.find(recording, side, HingeJoint.KNEE.proximal()).isPresent();
            shank = ImuChannels.find(recording, side, HingeJoint.KNEE.distal()).isPresent();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a rate of unknown unit: the analysis that reads the sensor says so
        }
        if (thigh == shank) {
            return Optional.empty();
        }
        String has = thigh ? HingeJoint.KNEE.proximal() : HingeJoint.KNEE.distal();
        String lacks = thigh ? HingeJoint.KNEE.distal() : HingeJoint.KNEE.proximal();
        return Optional.of(String.format(Locale.ROOT, "%s knee angle: the leg has a %s IMU but no %s IMU (%s.%s.gyr_x_…):"
                + " no knee or soleus figures for this leg, and its calf raises' knee is unknown", side.label(), has,
                lacks, side.label(), lacks));
    }

    /** The notice of a leg whose knee angle cannot be measured ({@code reason}: why its joint axes were not found). */
    static String kneeAngleFailure(Side side, String reason) {
        return side.label() + " knee angle: " + reason + "; no knee figures for this leg";
    }

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
