package org.soleus.core.events;

/**
 * Settings of {@link ContactEventDetector}. All thresholds are fractions of the foot's own
 * recent unloaded-to-loaded amplitude, so the same settings serve newtons, raw ADC counts and
 * footswitch signals that are only proportional to force.
 *
 * @param onFraction      a contact starts when the signal rises above
 *                        {@code baseline + onFraction × amplitude}
 * @param offFraction     a contact ends when the signal falls below
 *                        {@code baseline + offFraction × amplitude}; less than {@code onFraction}
 *                        (hysteresis)
 * @param refineWindowS   how far around a threshold crossing the event is refined to the
 *                        point where the signal leaves (heel strike) or rejoins (toe off) its
 *                        unloaded baseline, or crosses the load levels ({@link EventTiming}), s,
 *                        at a healthy adult's stride time; the toe off's window widens with a
 *                        slower foot's own (up to twice), and a heel strike's reaches twice as
 *                        far back where the rise comes in two stages; with the shortest
 *                        contact and swing it sets how late a live detector reports
 *                        ({@link ContactEventDetector#maxReportDelaySamples})
 * @param minContactS     shortest contact accepted (a refractory time after heel strike), s
 * @param minSwingS       shortest unloaded phase accepted (a refractory time after toe off), s
 * @param warmUpS         signal span used to learn the first baseline and amplitude, s
 */
public record ContactDetectorSettings(double onFraction, double offFraction, double refineWindowS,
                                      double minContactS, double minSwingS, double warmUpS) {

    public ContactDetectorSettings {
        if (!(offFraction > 0 && offFraction < onFraction && onFraction < 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < offFraction < onFraction < 1, got "
                    + offFraction + " and " + onFraction);
        }
        if (!(refineWindowS > 0 && refineWindowS <= 1)) {
            throw new IllegalArgumentException("refine window must be in (0, 1] s, got " + refineWindowS);
        }
        if (!(minContactS >= 0 && minSwingS >= 0)) {
            throw new IllegalArgumentException("minimum durations must be >= 0 s, got " + minContactS + " and " + minSwingS);
        }
        if (!(warmUpS > 0)) {
            throw new IllegalArgumentException("warm-up must be > 0 s, got " + warmUpS);
        }
    }

    /**
     * Defaults: contact above 30 % and below 15 % of the amplitude, events refined within
     * 150 ms, contacts of at least 100 ms and swings of at least 150 ms, a warm-up of at least 1 s (and until the
     * signal has shown a step).
     */
    public static ContactDetectorSettings defaults() {
        return new ContactDetectorSettings(0.30, 0.15, 0.15, 0.10, 0.15, 1.0);
    }
}
