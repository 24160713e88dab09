package org.soleus.core.imu;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * The front end shared by the 3-axis gyroscope detectors ({@link GyroEventDetector#foot},
 * {@link GyroEventDetector#shank}): turns a 3-axis stream in any mounting into the sagittal rate
 * their {@link SagittalRateDetector} expects.
 *
 * <p>Until the axis is known it keeps the last calibration window of finite samples
 * ({@link GyroWindow}) and asks the {@link SagittalAxisSearch} every half second of them; once
 * the axis is found, it replays the kept samples twice (first muted, so that the typical swing of
 * the window is known before the first swing is judged, then reporting), and from then on
 * projects each sample as it comes, less the bias in use ({@link StillPhaseBias}, started from
 * the search's bias each pass). The axis is learned once.
 *
 * <p>A NaN in any axis is a gap. After calibration the event detector starts over after it (and
 * the bias is not followed through it). Before calibration the search is first asked about the
 * samples kept so far, as {@link #flush} does at the end of the data, so that the axis is found
 * without the gap where they show it; where they do not (too few strides before the gap), they
 * stay in the window with those that follow, and the search is asked about both together. The
 * replay passes the gap on to the event detector as it would have come: the samples before a gap
 * are not lost, and a gap early in a walk costs only the stride it falls in, as one after
 * calibration does. The search then sees the samples on both sides of the gap joined: a stride
 * cut by the gap adds one misshapen stride at most to what it weighs, and it asks for a
 * margin of several strides. Samples are lost only when they leave the window before the axis is found (more
 * than a window of them, gap or not). No allocation per sample. Not thread-safe.
 */
final class SagittalProjector {
    private static final double EVALUATION_INTERVAL_S = 0.5;

    private final SagittalAxisSearch finder;
    private final DoubleSupplier stillDps;
    private final SagittalRateDetector events;
    private final GyroWindow window;
    private final StillPhaseBias bias;
    private final int evaluationInterval;

    private long count;
    private int sinceEvaluation;
    private boolean calibrated;
    /** The index of the first sample after those searched when the axis was found; -1 until then. */
    private long calibratedAtSample = -1;
    private double axisX;
    private double axisY;
    private double axisZ;

    /**
     * @param sampleRateHz sample rate, Hz (validated by the caller)
     * @param windowLength samples kept for the search, {@link #windowLength}; the finder's capacity
     * @param finder       the axis search
     * @param stillDps     the still level below which the bias is followed, read after each
     *                     successful search, deg/s; 0 holds the search's bias fixed
     * @param events       receives the sagittal rate
     */
    SagittalProjector(double sampleRateHz, int windowLength, SagittalAxisSearch finder, DoubleSupplier stillDps,
                      SagittalRateDetector events) {
        this.finder = Objects.requireNonNull(finder, "finder");
        this.stillDps = Objects.requireNonNull(stillDps, "stillDps");
        this.events = Objects.requireNonNull(events, "events");
        this.window = new GyroWindow(windowLength);
        this.bias = new StillPhaseBias(sampleRateHz);
        this.evaluationInterval = Math.max(1, (int) Math.round(EVALUATION_INTERVAL_S * sampleRateHz));
    }

    /** Samples in a calibration window of {@code calibrationWindowS}, at least 4. */
    static int windowLength(double sampleRateHz, double calibrationWindowS) {
        return Math.max(4, (int) Math.round(calibrationWindowS * sampleRateHz));
    }

    /** Takes the next sample, deg/s. */
    void accept(double xDps, double yDps, double zDps) {
        long i = count++;
        boolean missing = Double.isNaN(xDps) || Double.isNaN(yDps) || Double.isNaN(zDps);
        if (!calibrated) {
            if (!missing) {
                window.add(i, xDps, yDps, zDps);
                if (++sinceEvaluation >= evaluationInterval) {
                    sinceEvaluation = 0;
                    calibrate(i + 1);
                }
                return;
            }
            if (sinceEvaluation == 0) {
                return;
            }
            sinceEvaluation = 0;
            calibrate(i);
            if (!calibrated) {
                return;
            }
        }
        if (missing) {
            bias.gap();
            events.accept(Double.NaN);
        } else {
            project(xDps, yDps, zDps);
        }
    }

    /** End of the data: searches what is kept if the axis was not found yet, and replays it. */
    void flush() {
        if (!calibrated && window.size() > 0) {
            calibrate(count);
        }
    }

    boolean calibrated() {
        return calibrated;
    }

    /** The index of the first sample after those searched when the axis was found (a gap's, or the end's); -1 until then. */
    long calibratedAtSample() {
        return calibratedAtSample;
    }

    double axisX() {
        return axisX;
    }

    double axisY() {
        return axisY;
    }

    double axisZ() {
        return axisZ;
    }

    /**
     * Searches the kept samples and, once the axis is found, replays them with the gaps among
     * them, and any after them up to sample {@code endIndex} (exclusive), as missing samples.
     */
    private void calibrate(long endIndex) {
        int size = window.size();
        window.unwrap();
        double[] x = window.x();
        double[] y = window.y();
        double[] z = window.z();
        long[] index = window.index();
        if (!finder.find(x, y, z, 0, size)) {
            return;
        }
        calibrated = true;
        calibratedAtSample = endIndex;
        axisX = finder.axisX();
        axisY = finder.axisY();
        axisZ = finder.axisZ();
        double still = stillDps.getAsDouble();
        for (int pass = 0; pass < 2; pass++) {
            events.muted(pass == 0);
            events.reset(index[0]);
            bias.restart(finder.biasX(), finder.biasY(), finder.biasZ(), still);
            long next = index[0];
            for (int k = 0; k < size; k++) {
                next = missingUpTo(next, index[k]);
                project(x[k], y[k], z[k]);
                next++;
            }
            missingUpTo(next, endIndex);
        }
    }

    /** Passes samples {@code next} to {@code end} (exclusive) on as missing; the index after them. */
    private long missingUpTo(long next, long end) {
        if (next < end) {
            bias.gap();
        }
        for (long i = next; i < end; i++) {
            events.accept(Double.NaN);
        }
        return Math.max(next, end);
    }

    /** Passes the sagittal rate, less the bias in use, on to the event detector, and follows the bias. */
    private void project(double xDps, double yDps, double zDps) {
        double rateDps = (xDps - bias.x()) * axisX + (yDps - bias.y()) * axisY + (zDps - bias.z()) * axisZ;
        bias.follow(xDps, yDps, zDps);
        events.accept(rateDps);
    }
}
