/**
 * Soleus-dominant loading: plantar-flexion load carried while the knee is bent.
 *
 * <p>The gastrocnemius crosses knee and ankle, the soleus only the ankle; with the knee flexed
 * the gastrocnemius is slack and the soleus carries most of the plantar-flexor moment.
 * Maximal plantar-flexion torque falls by roughly 40 % from knee straight to knee flexed, only
 * soleus volume predicts it with the knee flexed, and heel-raise EMG shifts toward the soleus at
 * 45° knee flexion (Hébert-Losier, Schneiders, García and Sullivan 2012, "Influence of knee
 * flexion angle and age on triceps surae muscle activity during heel raises", J Strength Cond
 * Res 26(11):3124–3133).
 *
 * <p>Two pieces, both conventions rather than measurements:
 * <ul>
 *   <li>{@link org.soleus.core.soleus.SoleusSettings}: a sample is soleus-dominant when the knee
 *       is flexed beyond an angle (default 40°, inside the 30–45° range clinics use to bias calf
 *       raises toward the soleus) while the plantar-flexor moment exceeds a fraction of body
 *       weight × foot length;</li>
 *   <li>{@link org.soleus.core.soleus.SoleusShareModel}: the soleus' share of the moment as a
 *       function of knee flexion, a model with stated assumptions.</li>
 * </ul>
 * {@link org.soleus.core.soleus.SoleusDominanceStream} computes the flag per sample and sums the
 * dominant time and impulse and the modelled soleus impulse per stride;
 * {@link org.soleus.core.soleus.SoleusDominance} drives it over arrays, for a recording's flags
 * and strides and a live stream's strides.
 */
package org.soleus.core.soleus;
