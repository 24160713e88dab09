/**
 * Ankle plantar-flexion loading from pressure insoles: the plantar-flexor moment from vertical
 * force and the centre of pressure in front of the ankle, the Achilles tendon force it implies,
 * and per-stride figures (peak moment, peak tendon force, impulse, time above a threshold).
 *
 * <p>The moment follows the lever convention of Moticon's open node: lever = insole length ×
 * (CoP + 0.5) − heel-to-ankle distance, with the CoP as a fraction of insole length in
 * −0.5…+0.5. Shear forces and foot inertia are ignored, which matters little in mid and late
 * stance and more at heel strike. Tendon force = moment / Achilles moment arm (about 37 mm;
 * Manal et al. 2013, J Biomech 46(6):1062–1068, doi:10.1016/j.jbiomech.2013.01.029).
 * Expected walking values at 1.34 m/s: peak moment about 1.72 N·m/kg, peak Achilles force about
 * 44 N/kg ≈ 4.5 body weights (shear-wave tensiometry, Keuler et al. 2019; the moment
 * is the usual inverse-dynamics value).
 *
 * <p>Insole moments are only as good as the insole's centre of pressure and the foot geometry
 * they are given. On the shipped Moticon walks the centre of pressure progresses 0.65–0.70 of the
 * insole's length in each stance, and with the default foot (no insole length in the export) the
 * 99th-percentile moment is 147–161 N·m at peak forces of about 1 kN: 1.5–2.9 N·m/kg per stride
 * for a 70 kg subject, at or above the laboratory value, as expected for a heavier walker whose
 * mass the export does not state. Compare moments of one person and device over time rather than
 * against laboratory values.
 *
 * <p>{@link org.soleus.core.ankle.PlantarFlexionMoment}: the moment and tendon force of a sample
 * (static functions, with array forms); {@link org.soleus.core.ankle.PlantarFlexionStream}: the
 * per-stride figures, sample by sample; {@link org.soleus.core.ankle.PlantarFlexionLoading}
 * drives that stream over a span of arrays, for a recording's strides and a live stream's.
 */
package org.soleus.core.ankle;
