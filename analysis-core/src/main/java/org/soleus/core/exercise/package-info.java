/**
 * Calf-raise repetitions from pressure insoles, the knee flexion angle and a foot IMU: counting,
 * classification (straight-knee, standing bent-knee, seated) and checks against the
 * prescription (slow, full range of motion).
 *
 * <p>A repetition is a heel rise with the foot still loaded: the centre of pressure moves
 * forward (towards the toes), the heel region unloads while the total force stays up, and both
 * return. Walking steps also unload the heel, but end in toe off (the foot unloaded), which
 * cancels a repetition. Bent-knee raises, seated with the knee at about 90° or standing with the
 * knee bent, bias the work toward the soleus because the gastrocnemius, which also crosses the
 * knee, is slack (Hébert-Losier, Schneiders, García and Sullivan 2012, J Strength Cond Res
 * 26(11):3124–3133; see {@link org.soleus.core.soleus}). Seated raises carry little of the body
 * weight on the feet, so a low total force with a flexed knee marks them.
 *
 * <p>Inputs per sample: total insole force (N, {@code <side>.insole.force_n}), heel-to-toe centre
 * of pressure as a fraction of insole length ({@code <side>.insole.cop_y_norm}, −0.5 heel …
 * +0.5 toe), optionally the heel-region force ({@code <side>.insole.heel_force_n} from
 * {@link org.soleus.core.load.CellAggregator}) and the knee flexion angle (degrees, e.g. from
 * {@link org.soleus.core.joint.JointAngleEstimator}), and optionally a foot-worn IMU's angular rate
 * and acceleration in any mounting, from which the heel-rise angle of each repetition is measured
 * (the insole alone only gives proxies of the height, which change little once the heel is off).
 * {@link org.soleus.core.exercise.CalfRaiseDetector}
 * is the streaming detector for one foot; {@link org.soleus.core.exercise.CalfRaiseAnalysis}
 * drives it over arrays and flags shallow repetitions against their set.
 *
 * <p>All thresholds are conventions, documented with their defaults in
 * {@link org.soleus.core.exercise.CalfRaiseSettings}.
 */
package org.soleus.core.exercise;
