package org.soleus.core.soleus;

/**
 * Soleus-dominant loading of one stride or of a session.
 *
 * @param dominantTimeS        time in soleus-dominant loading, s
 * @param dominantImpulseNms   plantar-flexion impulse (positive moment × time) accumulated while
 *                             soleus-dominant, N·m·s
 * @param impulseNms           plantar-flexion impulse over all valid samples, N·m·s
 * @param soleusImpulseNms     modelled soleus part of {@code impulseNms}: the impulse weighted by
 *                             {@link SoleusShareModel#share} of each sample's knee angle, N·m·s
 * @param validSamples         samples with both moment and knee angle known
 * @param missingSamples       samples skipped because the moment or the knee angle was missing
 */
public record SoleusLoad(double dominantTimeS, double dominantImpulseNms, double impulseNms, double soleusImpulseNms,
                         long validSamples, long missingSamples) {
    public SoleusLoad {
        if (!(dominantTimeS >= 0 && dominantImpulseNms >= 0 && impulseNms >= 0 && soleusImpulseNms >= 0)) {
            throw new IllegalArgumentException("times and impulses must be >= 0, got " + dominantTimeS + " s, "
                    + dominantImpulseNms + ", " + impulseNms + ", " + soleusImpulseNms + " N·m·s");
        }
        if (validSamples < 0 || missingSamples < 0) {
            throw new IllegalArgumentException("sample counts must be >= 0, got " + validSamples + ", " + missingSamples);
        }
    }

    /**
     * Modelled soleus share of the plantar-flexion impulse, {@code soleusImpulseNms / impulseNms};
     * NaN when there was no plantar-flexion impulse. A model output: see {@link SoleusShareModel}.
     */
    public double soleusShare() {
        return impulseNms > 0 ? soleusImpulseNms / impulseNms : Double.NaN;
    }
}
