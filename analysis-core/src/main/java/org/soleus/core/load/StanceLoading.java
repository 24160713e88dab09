package org.soleus.core.load;

/**
 * Loading figures of one stance phase from vertical force in newtons.
 *
 * <ul>
 *   <li>Peak force: the largest force in stance.</li>
 *   <li>First and second peaks: the largest force in the first and in the second half of
 *       stance; the valley is the smallest force between their times (the double-hump walking
 *       curve; a single-hump curve gives a valley equal to the lower peak).</li>
 *   <li>Loading rate: the vertical instantaneous loading rate (VILR), the largest
 *       sample-to-sample slope from heel strike to the first peak, in body weights per second.
 *       The instantaneous maximum is used rather than the 20–80 % average (VALR) because it
 *       does not depend on how the rise is delimited.</li>
 *   <li>Impulse: the trapezoidal force-time integral over stance, N·s.</li>
 *   <li>With cell forces and positions: the heel region's share of the stance impulse, the
 *       length of the centre-of-pressure path (CoP = force-weighted mean cell position) and
 *       its heel-to-toe progression as a fraction of the cell span.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class StanceLoading {
    private StanceLoading() {
    }

    /**
     * Computes the loading of the stance {@code [from, to)}.
     *
     * @param forceN       filtered vertical force, N
     * @param from         first stance sample (heel strike)
     * @param to           one past the last stance sample (toe off)
     * @param sampleRateHz sample rate, Hz
     * @param startTimeS   time of sample 0, s
     * @param bodyWeightN  body weight in N (mass × g), or NaN to leave body-weight figures NaN
     * @param cells        cell forces and positions, or null
     * @return the figures; NaN where not measurable
     */
    public static StrideLoading compute(double[] forceN, int from, int to, double sampleRateHz, double startTimeS,
                                        double bodyWeightN, InsoleCellForces cells) {
        if (from < 0 || to > forceN.length || to - from < 3) {
            throw new IllegalArgumentException("stance [" + from + ", " + to + ") must hold at least 3 samples within "
                    + forceN.length);
        }
        double dt = 1.0 / sampleRateHz;
        int mid = (from + to) >>> 1;
        int peak = argMax(forceN, from, to);
        int first = argMax(forceN, from, mid);
        int second = argMax(forceN, mid, to);
        int valley = first + 1 < second ? argMin(forceN, first, second + 1) : (forceN[first] < forceN[second] ? first : second);
        double maxSlope = Double.NEGATIVE_INFINITY;
        for (int i = from; i < Math.max(first, from + 1); i++) {
            maxSlope = Math.max(maxSlope, (forceN[i + 1] - forceN[i]) * sampleRateHz);
        }
        double impulse = 0;
        for (int i = from; i < to - 1; i++) {
            impulse += 0.5 * (forceN[i] + forceN[i + 1]) * dt;
        }
        double heelShare = Double.NaN;
        double copPath = Double.NaN;
        double copProgression = Double.NaN;
        if (cells != null) {
            double[] cop = centreOfPressure(cells, from, to);
            heelShare = cop[0];
            copPath = cop[1];
            copProgression = cop[2];
        }
        return new StrideLoading(forceN[peak], forceN[peak] / bodyWeightN, forceN[first], startTimeS + first * dt,
                forceN[valley], forceN[second], startTimeS + second * dt, maxSlope / bodyWeightN, impulse,
                heelShare, copPath, copProgression);
    }

    /** Returns {heel share %, CoP path length, CoP progression}. */
    private static double[] centreOfPressure(InsoleCellForces cells, int from, int to) {
        double heelSum = 0;
        double totalSum = 0;
        double path = 0;
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        double firstY = Double.NaN;
        double lastY = Double.NaN;
        for (int i = from; i < to; i++) {
            double sum = 0;
            double sx = 0;
            double sy = 0;
            for (int c = 0; c < cells.cellCount(); c++) {
                double f = cells.force(c, i);
                if (!(f > 0)) {
                    continue;
                }
                sum += f;
                sx += f * cells.x(c);
                sy += f * cells.y(c);
                if (cells.isHeel(c)) {
                    heelSum += f;
                }
            }
            totalSum += sum;
            if (sum <= 0) {
                continue;
            }
            double cx = sx / sum;
            double cy = sy / sum;
            if (!Double.isNaN(prevX)) {
                path += Math.hypot(cx - prevX, cy - prevY);
            } else {
                firstY = cy;
            }
            prevX = cx;
            prevY = cy;
            lastY = cy;
        }
        double share = totalSum > 0 ? 100.0 * heelSum / totalSum : Double.NaN;
        double progression = cells.spanY() > 0 ? (lastY - firstY) / cells.spanY() : Double.NaN;
        return new double[] {share, Double.isNaN(firstY) ? Double.NaN : path, progression};
    }

    private static int argMax(double[] x, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int argMin(double[] x, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (x[i] < x[best]) {
                best = i;
            }
        }
        return best;
    }
}
