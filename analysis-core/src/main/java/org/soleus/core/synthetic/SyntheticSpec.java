package org.soleus.core.synthetic;

import java.util.List;
import java.util.Objects;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.recording.Side;

/**
 * What to synthesise.
 *
 * @param sampleRateHz  sample rate of every channel, Hz
 * @param bodyMassKg    body mass, kg
 * @param foot          insole length and heel-to-ankle distance
 * @param thighLengthM  hip-to-knee length, m
 * @param shankLengthM  knee-to-ankle length, m
 * @param activities    what happens, in order
 * @param noise         sensor imperfections
 * @param spikes        planted load spikes
 * @param mountings     IMU mounting rotations; IMUs not listed sit in the identity mounting
 * @param seed          seed of the noise
 */
public record SyntheticSpec(double sampleRateHz, double bodyMassKg, FootGeometry foot, double thighLengthM,
                            double shankLengthM, List<Activity> activities, SensorNoise noise, List<LoadSpike> spikes,
                            List<ImuMounting> mountings, long seed) {
    /** Default body mass, kg. */
    public static final double DEFAULT_BODY_MASS_KG = 70;
    /** Default thigh length, m. */
    public static final double DEFAULT_THIGH_LENGTH_M = 0.42;
    /** Default shank length, m. */
    public static final double DEFAULT_SHANK_LENGTH_M = 0.43;

    public SyntheticSpec {
        if (!(sampleRateHz >= 20 && sampleRateHz <= 2000)) {
            throw new IllegalArgumentException("sample rate must be within 20–2000 Hz, got " + sampleRateHz);
        }
        if (!(bodyMassKg >= 20 && bodyMassKg <= 250)) {
            throw new IllegalArgumentException("body mass must be within 20–250 kg, got " + bodyMassKg);
        }
        Objects.requireNonNull(foot, "foot");
        if (!(thighLengthM >= 0.2 && thighLengthM <= 0.7) || !(shankLengthM >= 0.2 && shankLengthM <= 0.7)) {
            throw new IllegalArgumentException("segment lengths must be within 0.2–0.7 m, got thigh " + thighLengthM
                    + " m, shank " + shankLengthM + " m");
        }
        activities = List.copyOf(activities);
        if (activities.isEmpty()) {
            throw new IllegalArgumentException("a synthetic session needs at least one activity");
        }
        Objects.requireNonNull(noise, "noise");
        spikes = List.copyOf(spikes);
        mountings = List.copyOf(mountings);
        for (int i = 0; i < mountings.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (mountings.get(i).side() == mountings.get(j).side()
                        && mountings.get(i).segment().equals(mountings.get(j).segment())) {
                    throw new IllegalArgumentException("two mountings for the " + mountings.get(i).side().label() + " "
                            + mountings.get(i).segment() + " IMU");
                }
            }
        }
    }

    /**
     * 100 Hz, 70 kg, default foot and segments, the given activities, typical noise, no spikes,
     * identity mountings.
     */
    public static SyntheticSpec of(List<Activity> activities, long seed) {
        return new SyntheticSpec(100, DEFAULT_BODY_MASS_KG, FootGeometry.DEFAULT, DEFAULT_THIGH_LENGTH_M,
                DEFAULT_SHANK_LENGTH_M, activities, SensorNoise.TYPICAL, List.of(), List.of(), seed);
    }

    /** A copy with other noise. */
    public SyntheticSpec withNoise(SensorNoise newNoise) {
        return new SyntheticSpec(sampleRateHz, bodyMassKg, foot, thighLengthM, shankLengthM, activities, newNoise, spikes, mountings, seed);
    }

    /** A copy with IMU mounting rotations. */
    public SyntheticSpec withMountings(List<ImuMounting> newMountings) {
        return new SyntheticSpec(sampleRateHz, bodyMassKg, foot, thighLengthM, shankLengthM, activities, noise, spikes,
                newMountings, seed);
    }

    /** The mounting rotation of one IMU, row-major 3 × 3 (identity when none is given), in a new array. */
    double[] mountingMatrix(Side side, String segment) {
        for (ImuMounting m : mountings) {
            if (m.side() == side && m.segment().equals(segment)) {
                return m.matrix();
            }
        }
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    /** A copy with planted load spikes. */
    public SyntheticSpec withSpikes(List<LoadSpike> newSpikes) {
        return new SyntheticSpec(sampleRateHz, bodyMassKg, foot, thighLengthM, shankLengthM, activities, noise, newSpikes, mountings, seed);
    }
}
