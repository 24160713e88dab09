package org.soleus.core.synthetic;

import java.util.List;
import java.util.Objects;
import org.soleus.core.ankle.FootGeometry;

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
 * @param seed          seed of the noise
 */
public record SyntheticSpec(double sampleRateHz, double bodyMassKg, FootGeometry foot, double thighLengthM,
                            double shankLengthM, List<Activity> activities, SensorNoise noise, List<LoadSpike> spikes,
                            long seed) {
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
    }

    /**
     * 100 Hz, 70 kg, default foot and segments, the given activities, typical noise, no spikes.
     */
    public static SyntheticSpec of(List<Activity> activities, long seed) {
        return new SyntheticSpec(100, DEFAULT_BODY_MASS_KG, FootGeometry.DEFAULT, DEFAULT_THIGH_LENGTH_M,
                DEFAULT_SHANK_LENGTH_M, activities, SensorNoise.TYPICAL, List.of(), seed);
    }

    /** A copy with other noise. */
    public SyntheticSpec withNoise(SensorNoise newNoise) {
        return new SyntheticSpec(sampleRateHz, bodyMassKg, foot, thighLengthM, shankLengthM, activities, newNoise, spikes, seed);
    }

    /** A copy with planted load spikes. */
    public SyntheticSpec withSpikes(List<LoadSpike> newSpikes) {
        return new SyntheticSpec(sampleRateHz, bodyMassKg, foot, thighLengthM, shankLengthM, activities, noise, newSpikes, seed);
    }
}
