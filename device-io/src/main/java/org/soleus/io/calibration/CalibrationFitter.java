package org.soleus.io.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.soleus.core.recording.ChannelName;

/**
 * Fits a cell's calibration to readings under known loads by least squares on the force, N.
 *
 * <ul>
 *   <li><b>Zero offset</b> {@code c0}: the mean reading without load. The readings must include
 *       at least one at 0 kg, and rise with the load: each lies above every reading at a smaller
 *       load ({@link #outOfOrder}).</li>
 *   <li><b>Linear</b> {@code F = a·(c − c0)}: {@code a} by least squares through the origin of
 *       {@code (c − c0, F)} over the loaded readings, {@code a = Σ x·F / Σ x²}; one loaded
 *       reading is enough (two-point calibration).</li>
 *   <li><b>Power</b> {@code F = a·(c − c0)^b}: {@code a} and {@code b} by Levenberg–Marquardt
 *       on the loaded readings (commons-math {@link SimpleCurveFitter}), started from the
 *       straight-line fit of {@code ln F} on {@code ln(c − c0)}. Needs loaded readings at two
 *       or more different loads.</li>
 *   <li><b>Auto</b>: the power law has one parameter more than the linear law, of which it is
 *       the special case {@code b = 1}, so it always fits at least as well; it is kept only when
 *       the readings bend significantly: by the partial F-test at the 5 % level between the two
 *       laws each given a free force offset {@code k} ({@code a·x + k} against
 *       {@code a·x^b + k}, fitted to the loaded readings and to {@code c0} at 0 N, weighed as the
 *       unloaded readings it is the mean of: {@code n} points, the loaded readings and {@code c0}),
 *       {@code F = (SSR_line − SSR_curve) / (SSR_curve / (n − 3)) > F_0.95(1, n − 3)}. The offset
 *       takes up the error of {@code c0}, which a free {@code b} alone would take for curvature.
 *       With fewer than 3 loaded readings (no degree of freedom left for the test), or where
 *       either power law cannot be fitted, auto is linear.</li>
 * </ul>
 * The fit range is the smallest to the largest reading, and the RMS residual
 * {@code sqrt(SSR / n)} in newtons. Stateless; thread-safe.
 */
public final class CalibrationFitter {
    /** Significance level of the partial F-test of {@link ModelChoice#AUTO}. */
    public static final double AUTO_SIGNIFICANCE = 0.05;

    private static final int MAX_ITERATIONS = 1000;
    /** Parameters of the power law with a force offset, {@code a}, {@code b} and {@code k}: the larger model of the test. */
    private static final int OFFSET_POWER_PARAMETERS = 3;

    private CalibrationFitter() {
    }

    /**
     * {@link #fit(ChannelName, List, ModelChoice)}, with a failure's message led by the source of
     * the readings (a readings file, a port).
     *
     * @throws IllegalArgumentException {@code "<source>: <channel>: ..."} when the readings cannot be fitted
     */
    public static CellCalibration fit(ChannelName channel, List<CalibrationPoint> points, ModelChoice choice,
                                      String source) {
        try {
            return fit(channel, points, choice);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fits one cell.
     *
     * @param channel the raw channel the readings come from ({@code ..._counts})
     * @param points  its readings, at least one without load and one with
     * @param choice  which model to fit
     * @throws IllegalArgumentException naming the channel when the readings cannot be fitted
     *                                  (no reading without load, a loaded reading not above the
     *                                  unloaded one, too few loads for a power law, no
     *                                  convergence)
     */
    public static CellCalibration fit(ChannelName channel, List<CalibrationPoint> points, ModelChoice choice) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(choice, "choice");
        double zero = zeroOffset(channel, points);
        for (int i = 1; i < points.size(); i++) {
            Optional<String> outOfOrder = outOfOrder(points.subList(0, i), points.get(i));
            if (outOfOrder.isPresent()) {
                throw new IllegalArgumentException(channel + ": " + outOfOrder.get());
            }
        }
        List<CalibrationPoint> loaded = new ArrayList<>();
        for (CalibrationPoint p : points) {
            if (p.loadKg() > 0) {
                loaded.add(p);
            }
        }
        if (loaded.isEmpty()) {
            throw new IllegalArgumentException(channel + ": no reading under load: give at least one load above 0 kg");
        }
        boolean powerPossible = loaded.stream().mapToDouble(CalibrationPoint::loadKg).distinct().count() >= 2;
        if (choice == ModelChoice.POWER && !powerPossible) {
            throw new IllegalArgumentException(channel + ": a power law needs readings at two or more loads above 0 kg");
        }
        CellCalibration linear = choice == ModelChoice.POWER ? null : linear(channel, points, loaded, zero);
        CellCalibration power = choice == ModelChoice.LINEAR || !powerPossible ? null
                : choice == ModelChoice.AUTO ? powerIfFits(channel, points, loaded, zero)
                : power(channel, points, loaded, zero);
        if (choice == ModelChoice.LINEAR || power == null) {
            return linear;
        }
        if (choice == ModelChoice.POWER) {
            return power;
        }
        return curved(loaded, points.size() - loaded.size(), zero, power) ? power : linear;
    }

    /**
     * The rule of {@link ModelChoice#AUTO}: whether the readings bend significantly away from a
     * straight line, by the partial F-test between the two laws each with a free force offset,
     * {@code a·x + k} and {@code a·x^b + k} ({@code x = c − c0}), fitted to the loaded readings
     * and to {@code c0} at 0 N, which as the mean of the {@code unloaded} readings weighs as many.
     * The offset takes up the error of {@code c0}, which a free {@code b} alone would take for
     * curvature.
     *
     * @param power the power-law fit, whose {@code a} and {@code b} start the fit with an offset
     */
    private static boolean curved(List<CalibrationPoint> loaded, int unloaded, double zero, CellCalibration power) {
        int n = loaded.size() + 1;
        if (n <= OFFSET_POWER_PARAMETERS) {
            return false;
        }
        SimpleRegression line = new SimpleRegression(true);
        List<WeightedObservedPoint> observed = new ArrayList<>();
        for (int k = 0; k < unloaded; k++) {
            line.addData(0, 0);   // as many times as it weighs
        }
        observed.add(new WeightedObservedPoint(unloaded, 0, 0));
        for (CalibrationPoint p : loaded) {
            double x = p.meanCounts() - zero;
            line.addData(x, p.forceN());
            observed.add(new WeightedObservedPoint(1, x, p.forceN()));
        }
        double[] abk;
        try {
            abk = SimpleCurveFitter.create(new OffsetPowerLaw(),
                    new double[] {power.coefficient(), power.exponent(), 0}).withMaxIterations(MAX_ITERATIONS).fit(observed);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            return false;
        }
        OffsetPowerLaw law = new OffsetPowerLaw();
        double ssrCurved = 0;
        for (WeightedObservedPoint p : observed) {
            double r = law.value(p.getX(), abk) - p.getY();
            ssrCurved += p.getWeight() * r * r;
        }
        return powerSignificant(line.getSumSquaredErrors(), ssrCurved, n);
    }

    /**
     * Why {@code next} does not fit with the readings before it, or empty. A force sensor's counts
     * rise with its load, so a reading must lie above every reading at a smaller load and below
     * every one at a larger load; one that does not was taken without its load on the cell, with
     * another weight, or at the end of the sensor's range, and would bend the fit.
     */
    static Optional<String> outOfOrder(List<CalibrationPoint> earlier, CalibrationPoint next) {
        for (CalibrationPoint p : earlier) {
            if (p.loadKg() == next.loadKg()) {
                continue;
            }
            boolean heavier = next.loadKg() > p.loadKg();
            if (heavier ? !(next.meanCounts() > p.meanCounts()) : !(next.meanCounts() < p.meanCounts())) {
                return Optional.of(String.format(Locale.ROOT, "the reading at %s kg (%s counts) is not %s the"
                        + " reading at %s kg (%s counts), while the counts rise with the load: check that the load sits"
                        + " on the cell alone, that it is the weight asked for, and that the cell is not at the end of its"
                        + " range", trim(next.loadKg()), countsText(next.meanCounts()), heavier ? "above" : "below",
                        trim(p.loadKg()), countsText(p.meanCounts())));
            }
        }
        return Optional.empty();
    }

    /**
     * The partial F-test of {@link #curved}: whether the power law's smaller residual is worth its
     * extra parameter, at the {@link #AUTO_SIGNIFICANCE} level.
     *
     * @param ssrLinear sum of squared residuals of {@code a·x + k}, N²
     * @param ssrPower  sum of squared residuals of {@code a·x^b + k}, N²
     * @param n         number of readings fitted
     */
    static boolean powerSignificant(double ssrLinear, double ssrPower, int n) {
        int df = n - OFFSET_POWER_PARAMETERS;
        if (df < 1 || !(ssrPower < ssrLinear)) {
            return false;
        }
        if (ssrPower == 0) {
            return true;
        }
        double f = (ssrLinear - ssrPower) / (ssrPower / df);
        return f > new FDistribution(null, 1, df).inverseCumulativeProbability(1 - AUTO_SIGNIFICANCE);
    }

    private static double zeroOffset(ChannelName channel, List<CalibrationPoint> points) {
        double sum = 0;
        int n = 0;
        for (CalibrationPoint p : points) {
            if (p.loadKg() == 0) {
                sum += p.meanCounts();
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(channel + ": no reading at 0 kg: the zero offset is the reading without"
                    + " load, so the loads must include 0");
        }
        return sum / n;
    }

    private static CellCalibration linear(ChannelName channel, List<CalibrationPoint> all, List<CalibrationPoint> loaded,
                                          double zero) {
        // Least squares through the origin, a = Σ x·F / Σ x², which holds from one loaded reading
        // on (a regression object wants two before it gives a slope).
        double xf = 0;
        double xx = 0;
        for (CalibrationPoint p : loaded) {
            double x = p.meanCounts() - zero;
            xf += x * p.forceN();
            xx += x * x;
        }
        return finish(channel, CalibrationModel.LINEAR, xf / xx, 1, zero, all);
    }

    /** The power-law fit, or null where it does not converge or gives no force law: auto then keeps the linear one. */
    private static CellCalibration powerIfFits(ChannelName channel, List<CalibrationPoint> all,
                                               List<CalibrationPoint> loaded, double zero) {
        try {
            return power(channel, all, loaded, zero);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CellCalibration power(ChannelName channel, List<CalibrationPoint> all, List<CalibrationPoint> loaded,
                                         double zero) {
        SimpleRegression logLog = new SimpleRegression(true);
        List<WeightedObservedPoint> observed = new ArrayList<>();
        for (CalibrationPoint p : loaded) {
            double x = p.meanCounts() - zero;
            logLog.addData(Math.log(x), Math.log(p.forceN()));
            observed.add(new WeightedObservedPoint(1, x, p.forceN()));
        }
        double[] start = {Math.exp(logLog.getIntercept()), logLog.getSlope()};
        double[] ab;
        try {
            ab = SimpleCurveFitter.create(new PowerLaw(), start).withMaxIterations(MAX_ITERATIONS).fit(observed);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            // no convergence, or a singular problem (readings that do not rise with the load)
            throw new IllegalArgumentException(channel + ": the power-law fit did not converge; check the readings or"
                    + " try --model linear", e);
        }
        if (!(ab[0] > 0 && ab[1] > 0) || Double.isInfinite(ab[0]) || Double.isInfinite(ab[1])) {
            throw new IllegalArgumentException(channel + ": the power-law fit gave a = " + ab[0] + ", b = " + ab[1]
                    + ", which do not describe a force sensor; check the readings or try --model linear");
        }
        return finish(channel, CalibrationModel.POWER, ab[0], ab[1], zero, all);
    }

    private static CellCalibration finish(ChannelName channel, CalibrationModel model, double a, double b, double zero,
                                          List<CalibrationPoint> all) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (CalibrationPoint p : all) {
            min = Math.min(min, p.meanCounts());
            max = Math.max(max, p.meanCounts());
        }
        if (!(a > 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException(channel + ": the linear fit gave a = " + a + " N/count; check the readings");
        }
        CellCalibration draft = new CellCalibration(channel, model, a, b, zero, min, max, all.size(), 0);
        double rms = Math.sqrt(ssr(draft, all) / all.size());
        return new CellCalibration(channel, model, a, b, zero, min, max, all.size(), rms);
    }

    /** Sum of squared residuals of a calibration over readings, N². */
    static double ssr(CellCalibration c, List<CalibrationPoint> points) {
        double sum = 0;
        for (CalibrationPoint p : points) {
            double r = c.forceN(p.meanCounts()) - p.forceN();
            sum += r * r;
        }
        return sum;
    }

    /** Counts for a message: to a tenth, or to 4 significant digits where they are too many for that. */
    static String countsText(double counts) {
        return String.format(Locale.ROOT, Math.abs(counts) < 1e7 ? "%.1f" : "%.4g", counts);
    }

    /** {@code v} without a fraction when it is whole: {@code 5}, {@code 2.5}. */
    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** {@code a·x^b + k} and its gradient in {@code (a, b, k)}, for x &gt;= 0 and b &gt; 0. */
    private static final class OffsetPowerLaw implements ParametricUnivariateFunction {
        @Override
        public double value(double x, double... p) {
            return p[0] * Math.pow(x, p[1]) + p[2];
        }

        @Override
        public double[] gradient(double x, double... p) {
            double xb = Math.pow(x, p[1]);
            return new double[] {xb, x == 0 ? 0 : p[0] * xb * Math.log(x), 1};
        }
    }

    /** {@code a·x^b} and its gradient in {@code (a, b)}, for x &gt; 0. */
    private static final class PowerLaw implements ParametricUnivariateFunction {
        @Override
        public double value(double x, double... p) {
            return p[0] * Math.pow(x, p[1]);
        }

        @Override
        public double[] gradient(double x, double... p) {
            double xb = Math.pow(x, p[1]);
            return new double[] {xb, p[0] * xb * Math.log(x)};
        }
    }
}
