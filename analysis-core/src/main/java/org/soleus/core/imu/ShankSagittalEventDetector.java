package org.soleus.core.imu;

import java.util.Objects;
import org.soleus.core.recording.SampleRates;

/**
 * Streaming initial-contact (heel strike) and terminal-contact (toe off) detector on the
 * sagittal angular rate of a shank-worn gyroscope, in deg/s, signed so that the shank's forward
 * swing is positive ({@link ShankAxisFinder} finds that axis and sign in 3-axis data).
 *
 * <p>The method of Salarian et al., "Gait assessment in Parkinson's disease: toward an
 * ambulatory system for long-term monitoring", IEEE Trans Biomed Eng 51(8):1434–1443, 2004,
 * doi:10.1109/TBME.2004.827933, after Aminian et al., "Spatio-temporal parameters of gait
 * measured by an ambulatory system using miniature gyroscopes", J Biomech 35(5):689–699, 2002,
 * doi:10.1016/S0021-9290(02)00008-8. Over a stride the shank's rate has one large positive peak,
 * in mid-swing; it falls to a local minimum just before it, as the knee flexes and the foot
 * leaves the ground, and to another just after it, when the heel strikes and the knee yields:
 * <ul>
 *   <li>a <b>mid-swing peak</b> is the largest value of a positive lobe (from a rise above
 *       {@link ShankEventSettings#minSwingPeakDps()} to the next fall below zero) that reaches
 *       {@link ShankEventSettings#swingPeakFraction()} of the median of the five candidate
 *       peaks before it and lasts at most 0.6 of the longest stride;</li>
 *   <li><b>terminal contact</b> is the nearest local minimum before the lobe: going back from
 *       the lobe's last sample at or below zero, the lowest value until the rate has risen
 *       {@link ShankEventSettings#prominenceFraction()} of the peak above it;</li>
 *   <li><b>initial contact</b> is the nearest local minimum after the lobe: from the lobe's end,
 *       the lowest value until the rate has risen as far above it again.</li>
 * </ul>
 * Both minima must lie below zero by that prominence too and within
 * {@link ShankEventSettings#searchWindowStrides()} of the local stride time of the peak (the
 * median of the last five peak-to-peak intervals within the stride limits; 1.2 s before the
 * first); otherwise the swing is dropped. Minima are placed between samples by a parabola
 * through the lowest sample and its neighbours. Both events are reported, in time order, once
 * initial contact is confirmed (a few samples after it, at most the search window after the
 * peak).
 *
 * <p>The published offsets of these minima from force-plate contact (terminal contact especially,
 * by a few tens of ms) are not corrected for. A constant offset in the rate moves no peak or
 * minimum. A NaN sample or {@link #gap()} marks missing data: a swing is not joined across it.
 * No allocation per sample. Not thread-safe.
 */
public final class ShankSagittalEventDetector implements SagittalRateDetector {
    /** Stride time assumed until two swings have been seen, s. */
    private static final double INITIAL_STRIDE_S = 1.2;
    private static final double MAX_LOBE_STRIDES = 0.6;

    private final SwingReporter reporter;
    private final double sampleRateHz;
    private final double minSwingPeakDps;
    private final double swingPeakFraction;
    private final double prominenceFraction;
    private final double searchWindowStrides;
    private final double minStrideSamples;
    private final double maxStrideSamples;
    private final double maxLobeSamples;
    private final RateHistory history;
    private final RecentMedian recentPeaks = new RecentMedian();
    private final RecentMedian recentStrides = new RecentMedian();

    private long lastNonPositive;
    /** 0 waiting for a swing, 1 in a swing lobe, 2 looking for initial contact. */
    private int state;
    private long lobeStart;
    private long lobeFrom;
    private double peak;
    private long peakIndex;
    private double lastPeakPosition;
    private double toeOff;
    private double minimum;
    private long minimumIndex;
    private double lastHeelStrike;

    /**
     * @param sampleRateHz sample rate, Hz
     * @param settings     thresholds and windows
     * @param listener     receives the events
     */
    public ShankSagittalEventDetector(double sampleRateHz, ShankEventSettings settings, GyroEventListener listener) {
        SampleRates.require(sampleRateHz);
        Objects.requireNonNull(settings, "settings");
        this.reporter = new SwingReporter(listener);
        this.sampleRateHz = sampleRateHz;
        this.minSwingPeakDps = settings.minSwingPeakDps();
        this.swingPeakFraction = settings.swingPeakFraction();
        this.prominenceFraction = settings.prominenceFraction();
        this.searchWindowStrides = settings.searchWindowStrides();
        this.minStrideSamples = settings.minStrideS() * sampleRateHz;
        this.maxStrideSamples = settings.maxStrideS() * sampleRateHz;
        this.maxLobeSamples = MAX_LOBE_STRIDES * maxStrideSamples;
        int reach = (int) Math.ceil(maxLobeSamples + searchWindowStrides * maxStrideSamples) + 4;
        this.history = new RateHistory(Math.max(reach, 2));
        reset(0);
    }

    /**
     * Forgets the signal seen so far (but not the recent swing peaks and stride times); the next
     * sample gets index {@code nextSampleIndex}.
     */
    @Override
    public void reset(long nextSampleIndex) {
        history.restart(nextSampleIndex);
        gap();
        lastHeelStrike = Double.NEGATIVE_INFINITY;
        lastPeakPosition = Double.NaN;
    }

    /** Missing data: the samples before the gap are not combined with those after it. */
    public void gap() {
        history.gap();
        lastNonPositive = -1;
        state = 0;
        lastPeakPosition = Double.NaN;
    }

    /**
     * Mutes ({@code true}) or restores the reporting of events. A muted pass over a stretch of
     * signal followed by a {@link #reset} and a reported pass over the same stretch lets the
     * first swings of that stretch be judged against the typical peak and stride of all of it.
     */
    @Override
    public void muted(boolean mute) {
        reporter.muted(mute);
    }

    /**
     * Takes the next sample, counts it, and marks a gap when it is NaN.
     *
     * @param rateDps sagittal angular rate of the shank, deg/s, mid-swing positive
     */
    @Override
    public void accept(double rateDps) {
        long i = history.add(rateDps);
        if (i < 0) {
            gap();
            return;
        }
        if (state == 2) {
            searchInitialContact(i, rateDps);
        }
        if (state == 0) {
            if (rateDps > minSwingPeakDps && lastNonPositive >= history.firstValid()) {
                state = 1;
                lobeStart = i;
                lobeFrom = lastNonPositive;
                peak = rateDps;
                peakIndex = i;
            }
        } else if (state == 1) {
            if (rateDps > peak) {
                peak = rateDps;
                peakIndex = i;
            }
            if (rateDps <= 0) {
                endLobe(i, rateDps);
            } else if (i - lobeFrom > maxLobeSamples) {
                state = 0;
            }
        }
        if (rateDps <= 0) {
            lastNonPositive = i;
        }
    }

    /** The lobe has fallen to zero: judge its peak, find terminal contact, start looking for initial contact. */
    private void endLobe(long i, double rateDps) {
        state = 0;
        double reference = recentPeaks.median();
        recentPeaks.add(peak);
        if (peak < swingPeakFraction * reference) {
            return;
        }
        if (!Double.isNaN(lastPeakPosition)) {
            double stride = peakIndex - lastPeakPosition;
            if (stride >= minStrideSamples && stride <= maxStrideSamples) {
                recentStrides.add(stride);
            }
        }
        lastPeakPosition = peakIndex;
        double window = searchWindowStrides * strideSamples();
        double prominence = prominenceFraction * peak;
        long oldest = Math.max(history.firstValid(),
                Math.max(i - history.length() + 2, (long) Math.floor(peakIndex - window)));
        double low = Double.POSITIVE_INFINITY;
        long lowIndex = -1;
        for (long k = lobeFrom; k >= oldest; k--) {
            double v = history.at(k);
            if (v < low) {
                low = v;
                lowIndex = k;
            } else if (v > low + prominence) {
                break;
            }
        }
        if (lowIndex < 0 || low > -prominence || lowIndex <= lastHeelStrike) {
            return;
        }
        toeOff = refine(lowIndex, oldest, lobeStart);
        state = 2;
        minimum = rateDps;
        minimumIndex = i;
    }

    /** After the lobe: follow the descent to its first prominent minimum, or give up at the window's end. */
    private void searchInitialContact(long i, double rateDps) {
        if (rateDps < minimum) {
            minimum = rateDps;
            minimumIndex = i;
        }
        double prominence = prominenceFraction * peak;
        boolean risen = rateDps > minimum + prominence;
        boolean late = i - peakIndex > searchWindowStrides * strideSamples();
        if (!risen && !late) {
            return;
        }
        state = 0;
        if (minimum > -prominence || minimumIndex == i) {
            return;
        }
        double heelStrike = refine(minimumIndex, history.firstValid(), i);
        lastHeelStrike = heelStrike;
        reporter.swing(toeOff, heelStrike);
    }

    /** Position of the minimum at sample {@code k}, refined by a parabola through its neighbours within [from, to]. */
    private double refine(long k, long from, long to) {
        if (k - 1 < from || k + 1 > to) {
            return k;
        }
        double a = history.at(k - 1);
        double b = history.at(k);
        double c = history.at(k + 1);
        double curvature = a - 2 * b + c;
        if (!(curvature > 0)) {
            return k;
        }
        double offset = 0.5 * (a - c) / curvature;
        return k + Math.max(-0.5, Math.min(0.5, offset));
    }

    private double strideSamples() {
        return recentStrides.isEmpty() ? INITIAL_STRIDE_S * sampleRateHz : recentStrides.median();
    }
}
