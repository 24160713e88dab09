package org.soleus.core.load;

/**
 * Screens one foot's force, sample by sample, for a force no foot carries ({@link ForceRange}):
 * such a sample is taken as missing (NaN), so that a short run of them is bridged downstream as
 * a gap is and a longer one rejects the strides it touches, as a dropout does; it neither makes
 * a contact of its own nor rings through the low-pass into a stance's loading. Unless the
 * channel shows itself to be on another scale (a force in millinewtons named newtons, a
 * calibration gain far too high): once at least {@link #MIN_SCALE_S} s worth of samples, and
 * more than {@link ForceRange#MAX_ERROR_SHARE} of all samples so far, were beyond the range,
 * every later sample passes as it is, so that the events, which follow the force's shape
 * whatever its scale, are found; the stances then get no loading figures
 * ({@code StanceLoadingWindows}). The decision is causal, so a stream and a recording give the
 * same samples: {@link #apply} drives this object over an array. No allocation per sample; not
 * thread-safe.
 */
public final class ForceScreen {
    /** The time worth of samples beyond the range that may show a force on another scale, s: a good part of a stance. */
    public static final double MIN_SCALE_S = 0.5;

    private final double maxForceN;
    private final long minScaleSamples;
    private long samples;
    private long beyond;
    private long screened;
    private long scaleFrom = -1;

    /**
     * @param maxForceN    the largest plausible force, N ({@link ForceRange#maxForceN}); +∞ screens nothing
     * @param sampleRateHz the sample rate, for {@link #MIN_SCALE_S}
     */
    public ForceScreen(double maxForceN, double sampleRateHz) {
        this.maxForceN = maxForceN;
        this.minScaleSamples = Math.max(1, Math.round(MIN_SCALE_S * sampleRateHz));
    }

    /** The next sample, N: itself, or NaN for a force no foot carries. */
    public double accept(double forceN) {
        samples++;
        if (!ForceRange.beyond(forceN, maxForceN) || scaleFrom >= 0) {
            return forceN;
        }
        beyond++;
        if (beyond >= minScaleSamples && beyond > ForceRange.MAX_ERROR_SHARE * samples) {
            scaleFrom = samples - 1;
            return forceN;
        }
        screened++;
        return Double.NaN;
    }

    /** The samples taken as missing so far. */
    public long screened() {
        return screened;
    }

    /** The index of the sample from which the force is taken to be on another scale, or −1. */
    public long scaleFrom() {
        return scaleFrom;
    }

    /**
     * Runs a {@link ForceScreen} over {@code forceN} in place.
     *
     * @return the screen, with its counts
     */
    public static ForceScreen apply(double[] forceN, double maxForceN, double sampleRateHz) {
        ForceScreen screen = new ForceScreen(maxForceN, sampleRateHz);
        for (int i = 0; i < forceN.length; i++) {
            forceN[i] = screen.accept(forceN[i]);
        }
        return screen;
    }
}
