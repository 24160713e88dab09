package org.soleus.core.analysis;

import java.util.Objects;
import org.soleus.core.events.ContactDetectorSettings;
import org.soleus.core.events.EventTiming;
import org.soleus.core.gait.StrideLimits;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleRates;

/**
 * Settings of the insole gait analysis, with documented defaults ({@link #defaults()}).
 *
 * @param lowPassCutoffHz     cutoff of the zero-phase Butterworth low-pass applied to force in
 *                            newtons before the loading figures, Hz (events are detected on the
 *                            unfiltered signal, whose edges the refinement needs); at most
 *                            0.45 × the recording's sample rate is used
 * @param lowPassOrder        order of that filter, applied forward and backward
 * @param maxGapInterpolatedS longest run of missing samples bridged by linear interpolation, s;
 *                            longer gaps restart detection and strides across them are rejected
 * @param contact             heel-strike / toe-off detector settings
 * @param strideLimits        stride validity limits
 * @param eventTiming         where on the contacts' edges the events are placed, or null for the
 *                            timing each recording names ({@link EventTiming#of(RecordingMetadata)})
 */
public record GaitSettings(double lowPassCutoffHz, int lowPassOrder, double maxGapInterpolatedS,
                           ContactDetectorSettings contact, StrideLimits strideLimits, EventTiming eventTiming) {
    /** Highest cutoff used, as a share of the sample rate: below the Nyquist frequency (0.5) with a margin. */
    private static final double MAX_CUTOFF_TO_RATE = 0.45;

    public GaitSettings {
        if (!(lowPassCutoffHz > 0)) {
            throw new IllegalArgumentException("low-pass cutoff must be > 0 Hz, got " + lowPassCutoffHz);
        }
        if (lowPassOrder < 1 || lowPassOrder > 8) {
            throw new IllegalArgumentException("low-pass order must be 1..8, got " + lowPassOrder);
        }
        if (!(maxGapInterpolatedS >= 0)) {
            throw new IllegalArgumentException("max interpolated gap must be >= 0 s, got " + maxGapInterpolatedS);
        }
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(strideLimits, "strideLimits");
    }

    /**
     * Defaults: 4th-order 20 Hz low-pass (zero-phase) for loading; gaps up to 0.05 s
     * interpolated; {@link ContactDetectorSettings#defaults()}; strides of 0.6–3.0 s (gaitmap's
     * stride length limits, the defaults of its DTW stride segmentation after Barth et al.,
     * "Stride segmentation during free walk movements using multi-dimensional subsequence dynamic
     * time warping on inertial sensor data", Sensors 15(3):6419–6440, 2015,
     * doi:10.3390/s150306419) with stance 30–80 % of the stride (normal walking:
     * stance about 60–63 %; the band keeps pathological gait but not a "swing" shorter than a
     * fifth of the stride, which is a foot that never left the ground, e.g. in a turn); the
     * events timed as each recording names.
     */
    public static GaitSettings defaults() {
        return new GaitSettings(20.0, 4, 0.05, ContactDetectorSettings.defaults(),
                new StrideLimits(0.6, 3.0, 30.0, 80.0), null);
    }

    /** These settings with other stride limits. */
    public GaitSettings withStrideLimits(StrideLimits limits) {
        return new GaitSettings(lowPassCutoffHz, lowPassOrder, maxGapInterpolatedS, contact, limits, eventTiming);
    }

    /** These settings with every recording's events placed by {@code timing} (null: as each recording names). */
    public GaitSettings withEventTiming(EventTiming timing) {
        return new GaitSettings(lowPassCutoffHz, lowPassOrder, maxGapInterpolatedS, contact, strideLimits, timing);
    }

    /**
     * The event timing used on a recording with this metadata: the one set here, else the
     * recording's own.
     *
     * @throws IllegalArgumentException when none is set here and the recording names one there is not
     */
    public EventTiming eventTiming(RecordingMetadata metadata) {
        return eventTiming != null ? eventTiming : EventTiming.of(metadata);
    }

    /**
     * The low-pass cutoff used on a recording of {@code sampleRateHz}: the setting, at most
     * 0.45 × the rate, Hz.
     *
     * @throws IllegalArgumentException when the rate is not a positive number of Hz
     */
    public double lowPassCutoffUsedHz(double sampleRateHz) {
        SampleRates.require(sampleRateHz);
        return Math.min(lowPassCutoffHz, MAX_CUTOFF_TO_RATE * sampleRateHz);
    }
}
