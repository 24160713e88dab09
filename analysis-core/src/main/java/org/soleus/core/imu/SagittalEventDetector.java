package org.soleus.core.imu;

import java.util.Objects;
import org.soleus.core.recording.SampleRates;

/**
 * Streaming toe-off and heel-strike detector on the sagittal angular rate of a foot-worn
 * gyroscope, in deg/s, signed so that the foot's rotation in mid-swing is positive (toe rising;
 * {@link SagittalAxisFinder} finds that axis and sign in 3-axis data).
 *
 * <p>Over a stride the rate is near zero while the foot is flat, falls to a deep minimum as
 * the heel rises and the foot pushes off, swings through a broad positive lobe in mid-swing
 * and turns sharply negative when the heel strikes and the foot rolls down. Each positive lobe
 * whose peak is large enough is a swing (the mid-swing peak of Salarian et al., "Gait
 * assessment in Parkinson's disease: toward an ambulatory system for long-term monitoring",
 * IEEE Trans Biomed Eng 51(8):1434–1443, 2004, doi:10.1109/TBME.2004.827933):
 * <ul>
 *   <li><b>heel strike</b> (initial contact) is the zero crossing that ends the lobe, where the
 *       foot's rotation reverses at contact;</li>
 *   <li><b>toe off</b> (terminal contact) lies between the push-off minimum before the lobe
 *       (Salarian et al.'s toe off) and the zero crossing that starts the lobe (the terminal
 *       contact of Rampp et al., "Inertial sensor-based stride parameter calculation from gait
 *       sequences in geriatric patients", IEEE Trans Biomed Eng 62(4):1089–1097, 2015,
 *       doi:10.1109/TBME.2014.2368211): where the rate, rising from the minimum, has recovered
 *       to {@link GyroEventSettings#toeOffLevel()} of it.</li>
 * </ul>
 * Event positions are interpolated linearly between samples. A lobe is a swing candidate when
 * its peak exceeds {@link GyroEventSettings#minSwingPeakDps()}, its duration is within the swing
 * limits and the push-off minimum before it is deep enough. A candidate is accepted when its
 * peak also reaches {@link GyroEventSettings#swingPeakFraction()} of the median of the five
 * candidates before it (all candidates count, so the reference follows a change of walking
 * speed) and its toe off follows the previous heel strike. Both events are reported, in time
 * order, as the lobe ends (a few samples after the heel strike).
 *
 * <p>A NaN sample or {@link #gap()} marks missing data: a swing is not joined across it. No
 * allocation per sample.
 * Not thread-safe.
 */
public final class SagittalEventDetector implements SagittalRateDetector {
    private final SwingReporter reporter;
    private final double hysteresisDps;
    private final double minSwingPeakDps;
    private final double swingPeakFraction;
    private final double minPreSwingDps;
    private final double toeOffLevel;
    private final int preSwingSamples;
    private final double minSwingSamples;
    private final double maxSwingSamples;
    private final RateHistory history;
    private final RecentMedian recentPeaks = new RecentMedian();

    private double previous;
    private long upIndex;
    private double upPosition;
    private boolean inLobe;
    private double lobePeak;
    private double toeOffPosition;
    private double preSwingMinimum;
    private double downPosition;
    private double lastHeelStrike;

    /**
     * @param sampleRateHz sample rate, Hz
     * @param settings     thresholds
     * @param listener     receives the events
     */
    public SagittalEventDetector(double sampleRateHz, GyroEventSettings settings, GyroEventListener listener) {
        SampleRates.require(sampleRateHz);
        Objects.requireNonNull(settings, "settings");
        this.reporter = new SwingReporter(listener);
        this.hysteresisDps = settings.hysteresisDps();
        this.minSwingPeakDps = settings.minSwingPeakDps();
        this.swingPeakFraction = settings.swingPeakFraction();
        this.minPreSwingDps = settings.minPreSwingDps();
        this.toeOffLevel = settings.toeOffLevel();
        this.preSwingSamples = Math.max(1, (int) Math.round(settings.preSwingSearchS() * sampleRateHz));
        this.minSwingSamples = settings.minSwingS() * sampleRateHz;
        this.maxSwingSamples = settings.maxSwingS() * sampleRateHz;
        this.history = new RateHistory(preSwingSamples + 64);
        reset(0);
    }

    /**
     * Forgets the signal seen so far (but not the recent swing peaks); the next sample gets
     * index {@code nextSampleIndex}.
     */
    @Override
    public void reset(long nextSampleIndex) {
        history.restart(nextSampleIndex);
        gap();
        lastHeelStrike = Double.NEGATIVE_INFINITY;
    }

    /** Missing data: the samples before the gap are not combined with those after it. */
    public void gap() {
        history.gap();
        previous = Double.NaN;
        upIndex = -1;
        inLobe = false;
    }

    /**
     * Mutes ({@code true}) or restores the reporting of events. A muted pass over a stretch of signal followed by a
     * {@link #reset} and a reported pass over the same stretch lets the first swings of that
     * stretch be judged against the typical swing peak of the whole of it.
     */
    @Override
    public void muted(boolean mute) {
        reporter.muted(mute);
    }

    /**
     * Takes the next sample, counts it, and marks a gap when it is NaN.
     *
     * @param rateDps sagittal angular rate, deg/s, mid-swing positive
     */
    @Override
    public void accept(double rateDps) {
        long i = history.add(rateDps);
        if (i < 0) {
            gap();
            return;
        }
        double prev = previous;
        previous = rateDps;
        if (Double.isNaN(prev)) {
            return;
        }
        if (!inLobe) {
            if (prev <= 0 && rateDps > 0) {
                upIndex = i;
                upPosition = (i - 1) + prev / (prev - rateDps);
            }
            if (rateDps > hysteresisDps && upIndex >= 0) {
                startLobe(i, rateDps);
            }
            return;
        }
        lobePeak = Math.max(lobePeak, rateDps);
        if (prev >= 0 && rateDps < 0) {
            downPosition = (i - 1) + prev / (prev - rateDps);
        }
        if (rateDps < -hysteresisDps) {
            endLobe();
        } else if (i - upPosition > maxSwingSamples) {
            inLobe = false;
            upIndex = -1;
        }
    }

    /** The rate has risen above the hysteresis: find the push-off minimum and the toe off. */
    private void startLobe(long i, double rateDps) {
        inLobe = true;
        lobePeak = rateDps;
        downPosition = Double.NaN;
        toeOffPosition = upPosition;
        long oldest = i - history.length() + 1;
        if (upIndex - 1 < oldest) {
            preSwingMinimum = 0;
            return;
        }
        long from = Math.max(Math.max(upIndex - 1 - preSwingSamples, history.firstValid()), oldest);
        long minimumIndex = upIndex - 1;
        double minimum = history.at(minimumIndex);
        for (long k = upIndex - 2; k >= from; k--) {
            double v = history.at(k);
            if (v < minimum) {
                minimum = v;
                minimumIndex = k;
            }
        }
        preSwingMinimum = minimum;
        double level = toeOffLevel * minimum;
        for (long k = minimumIndex + 1; k <= upIndex; k++) {
            double v = history.at(k);
            if (v >= level) {
                double before = history.at(k - 1);
                toeOffPosition = v == before ? k : (k - 1) + (level - before) / (v - before);
                break;
            }
        }
    }

    /** The rate has fallen below the negative hysteresis: accept or drop the lobe. */
    private void endLobe() {
        inLobe = false;
        upIndex = -1;
        double heelStrike = downPosition;
        double duration = heelStrike - upPosition;
        if (Double.isNaN(heelStrike) || duration < minSwingSamples || duration > maxSwingSamples
                || lobePeak < minSwingPeakDps || preSwingMinimum > -minPreSwingDps) {
            return;
        }
        double reference = recentPeaks.median();
        recentPeaks.add(lobePeak);
        if (lobePeak < swingPeakFraction * reference || toeOffPosition <= lastHeelStrike) {
            return;
        }
        lastHeelStrike = heelStrike;
        reporter.swing(toeOffPosition, heelStrike);
    }
}
