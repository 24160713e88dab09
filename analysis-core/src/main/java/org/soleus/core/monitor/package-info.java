/**
 * Load monitoring: whether a stride's load stands out from the athlete's own recent strides.
 *
 * <p>Within a session, a step is a load spike when its load stands out from the recent steps of
 * the same foot. {@link org.soleus.core.monitor.LoadSpikeRule} says how: the modified z-score of
 * Iglewicz and Hoaglin (B. Iglewicz and D. C. Hoaglin, "How to Detect and Handle Outliers", ASQC
 * Quality Press, 1993), {@code z = 0.6745 (x − median) / MAD}, of the stride's peak vertical force
 * and of its loading rate against the median and median absolute deviation of the same foot's
 * previous 20 strides, a spike when either is above 3.5, their outlier threshold. A comparison
 * of a step with the athlete's own recent steps, not a diagnosis.
 *
 * <p>{@link org.soleus.core.monitor.LoadSpikeStream} applies the rule one stride at a time (the
 * live analysis); {@link org.soleus.core.monitor.LoadSpikes} applies it to a whole recording's
 * strides in batch (the result files), with the same numbers.
 */
package org.soleus.core.monitor;
