package org.soleus.core.synthetic;

import java.util.List;
import java.util.Objects;
import org.soleus.core.recording.Recording;

/**
 * A generated session: what the sensors saw, and the truth.
 *
 * <p>{@link #sensors()} holds, per side, {@code <side>.insole.force_n},
 * {@code <side>.insole.cop_y_norm} (−0.5 heel … +0.5 toe; 0 while unloaded) and, for each of
 * {@code foot}, {@code shank} and {@code thigh}, {@code gyr_x/y/z_dps} and
 * {@code acc_x/y/z_mps2}. IMU axes: y points to the subject's left and is the sagittal rotation
 * axis; for shank and thigh z points along the segment towards the hip and x forward; for the
 * foot x points to the toes and z up from the sole; {@link SyntheticSpec#mountings()} rotate
 * individual IMUs away from these axes.
 *
 * <p>{@link #truth()} holds the clean values on the same time base, per side:
 * {@code knee.flexion_deg}, {@code ankle.plantarflexion_deg}, {@code insole.force_n},
 * {@code insole.cop_y_norm}, {@code insole.stance_flag} (1 in stance),
 * {@code ankle.pf_moment_nm}, {@code ankle.pf_moment_nm_kg}, {@code achilles.force_n} (37 mm
 * moment arm) and {@code soleus.dominant_flag} (default {@link org.soleus.core.soleus.SoleusSettings}).
 *
 * @param spec     what was asked for
 * @param sensors  the sensor channels
 * @param truth    the truth channels
 * @param events   every heel strike and toe off, in time order
 * @param strides  complete strides (heel strike, toe off, next heel strike within one walk)
 * @param reps     calf-raise repetitions
 */
public record SyntheticRecording(SyntheticSpec spec, Recording sensors, Recording truth, List<TruthEvent> events,
                                 List<TruthStride> strides, List<CalfRaiseRep> reps) {
    public SyntheticRecording {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sensors, "sensors");
        Objects.requireNonNull(truth, "truth");
        events = List.copyOf(events);
        strides = List.copyOf(strides);
        reps = List.copyOf(reps);
        if (sensors.length() != truth.length()) {
            throw new IllegalArgumentException("sensors hold " + sensors.length() + " samples, truth " + truth.length());
        }
    }
}
