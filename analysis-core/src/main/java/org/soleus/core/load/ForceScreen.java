package org.soleus.core.load;

/**
 * Screens one foot's force, sample by sample, for a force no foot carries ({@link ForceRange}):
 * such a sample is taken as missing (NaN), so that a short run of them is bridged downstream as
 * a gap is and a longer one rejects the strides it touches, as a dropout does; it neither makes
 * a contact of its own nor rings through the low-pass into a stance's loading. Unless the
 * channel shows itself to be on another scale (a force in millinewtons named newtons, a
 * calibration gain far too high), whose every contact lies above the range: once
 * {@value #MIN_SCALE_RUNS} separate runs above it have lasted at least {@value #MIN_RUN_S} s each,
 * as contacts do, and the samples above it total at least {@value #MIN_SCALE_S} s and more than
 * {@link ForceRange#MAX_ERROR_SHARE} of all samples so far, every later sample above the range
 * passes as it is, so that the events, which follow the force's shape whatever its scale, are
 * found; the stances then get no loading figures ({@code StanceLoadingWindows}). One long glitch
 * is one run, and no evidence of a scale; a force far below the range never is, and stays missing.
 * The decision is causal, so a stream and a recording give the same samples: {@link #apply}
 * drives this object over an array. No allocation per sample; not thread-safe.
 */
public final class ForceScreen {
    /** The time worth of samples above the range that may show a force on another scale, s. */
    public static final double MIN_SCALE_S = 0.5;
    /** The separate runs above the range that may show a force on another scale: contacts. */
    public static final int MIN_SCALE_RUNS = 3;
    /** The shortest run above the range that counts as a contact, s. */
    public static final double MIN_RUN_S = 0.1;

    private final double maxForceN;
    private final long minScaleSamples;
    private final long minRunSamples;
    private long samples;
    private long above;
    private long run;
    private int longRuns;
    private long screened;
    private long scaleFrom = -1;

    /**
     * @param maxForceN    the largest plausible force, N ({@link ForceRange#maxForceN}); +∞ screens nothing
     * @param sampleRateHz the sample rate, for the durations above
     */
    public ForceScreen(double maxForceN, double sampleRateHz) {
        this.maxForceN = maxForceN;
        this.minScaleSamples = Math.max(1, Math.round(MIN_SCALE_S * sampleRateHz));
        this.minRunSamples = Math.max(1, Math.round(MIN_RUN_S * sampleRateHz));
    }

    /** The next sample, N: itself, or NaN for a force no foot carries. */
    public double accept(double forceN) {
        samples++;
        if (!(forceN > maxForceN)) {
            longRuns += run >= minRunSamples ? 1 : 0;
            run = 0;
            if (ForceRange.beyond(forceN, maxForceN)) {
                screened++;
                return Double.NaN;
            }
            return forceN;
        }
        if (scaleFrom >= 0) {
            return forceN;
        }
        run++;
        above++;
        int runs = longRuns + (run >= minRunSamples ? 1 : 0);
        if (runs >= MIN_SCALE_RUNS && above >= minScaleSamples && above > ForceRange.MAX_ERROR_SHARE * samples) {
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
