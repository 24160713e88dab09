package org.soleus.core.events;

/**
 * The levels a {@link ContactEventDetector} has learned of its foot's signal, of which its two
 * thresholds are fractions (after the dual-threshold method compared by Blades et al.,
 * "Evaluation of different pressure-based foot contact event detection algorithms across
 * different slopes and speeds", Sensors 23(5):2736, 2023, doi:10.3390/s23052736): the baseline, the
 * unloaded level, and the peak, the loaded level. The contact threshold lies {@code onFraction}
 * of their amplitude above the baseline, the release threshold {@code offFraction}. The warm-up
 * learns them ({@link WarmUp}), the contact state follows them cycle by cycle, the recovery of
 * lost lock learns them anew ({@link LockRecovery}), and the refinement reads them
 * ({@link EdgeRefiner}).
 */
final class ContactLevels {
    /** Share of the amplitude above the baseline at which a contact starts. */
    final double onFraction;
    /** Share of the amplitude above the baseline below which a contact ends. */
    final double offFraction;
    /** The unloaded level: the lowest value of the last unloaded phase. */
    double baseline;
    /** The loaded level: the highest value of the last loaded phase. */
    double peak;

    ContactLevels(double onFraction, double offFraction) {
        this.onFraction = onFraction;
        this.offFraction = offFraction;
        forget();
    }

    /** Forgets the levels learned: none are known. */
    void forget() {
        baseline = Double.POSITIVE_INFINITY;
        peak = Double.NEGATIVE_INFINITY;
    }

    /** The contact threshold: {@code onFraction} of the amplitude above the baseline. */
    double contactThreshold() {
        return baseline + onFraction * (peak - baseline);
    }

    /** The release threshold: {@code offFraction} of the amplitude above the baseline. */
    double releaseThreshold() {
        return baseline + offFraction * (peak - baseline);
    }
}
