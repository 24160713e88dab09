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
 * <p>Insole moments are only as good as the insole's centre of pressure. Where no cells lie under
 * the toes the CoP cannot reach the toe tip: on the shipped Moticon walks it spans about
 * −0.27 … +0.12 of insole length and the 99th-percentile moment is 66–77 N·m at peak forces of
 * about 1 kN, roughly half what inverse dynamics gives for such a walker. Compare moments of one
 * person and device over time rather than against laboratory values.
 *
 * <p>Two API levels: {@link org.soleus.core.ankle.PlantarFlexionMoment} (static kernels on arrays)
 * and {@link org.soleus.core.ankle.PlantarFlexionStream} (a per-sample streaming object);
 * {@link org.soleus.core.ankle.PlantarFlexionLoading} computes per-stride figures in batch.
 */
package org.soleus.core.ankle;
