package org.soleus.core.load;

/**
 * Vertical loading of one stride's stance phase, from insole force in newtons. Any value that
 * cannot be measured (no body mass, no second peak, no cell layout) is NaN.
 *
 * @param peakForceN         largest vertical force in stance, N
 * @param peakForceBw        the same in body weights
 * @param firstPeakN         weight-acceptance (first) peak, N
 * @param firstPeakS         time of the first peak, s
 * @param valleyN            mid-stance minimum between the peaks, N
 * @param secondPeakN        push-off (second) peak, N
 * @param secondPeakS        time of the second peak, s
 * @param loadingRateBwPerS  instantaneous maximum slope of force over the rise from heel strike
 *                           to the first peak (VILR), body weights per second
 * @param impulseNs          force-time integral over stance, N·s
 * @param heelSharePct       heel region's share of the stance impulse, %
 * @param copPathLength      length of the centre-of-pressure path in stance, in the cell
 *                           layout's unit
 * @param copProgression     heel-to-toe travel of the centre of pressure from first to last
 *                           loaded sample, as a fraction of the cell span (walking: about
 *                           0.6–0.8; negative when the stance ends further back than it began)
 */
public record StrideLoading(double peakForceN, double peakForceBw, double firstPeakN, double firstPeakS,
                            double valleyN, double secondPeakN, double secondPeakS,
                            double loadingRateBwPerS, double impulseNs,
                            double heelSharePct, double copPathLength, double copProgression) {

    /** The figures of a stance that cannot be measured (it holds a force no foot carries): all NaN. */
    public static final StrideLoading NOT_MEASURED = new StrideLoading(Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    /** Whether the stance was measured: false for {@link #NOT_MEASURED}. */
    public boolean measured() {
        return !Double.isNaN(peakForceN);
    }
}
