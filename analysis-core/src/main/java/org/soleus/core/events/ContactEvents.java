package org.soleus.core.events;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.Side;

/**
 * Batch driver of {@link ContactEventDetector}: runs the streaming detector over an array, so
 * files and live streams share one algorithm.
 */
public final class ContactEvents {
    private ContactEvents() {
    }

    /**
     * Detects heel strikes and toe offs in one foot's force signal.
     *
     * @param force        the signal (any unit that rises with load); NaN and infinite samples
     *                     are gaps, across which no event is placed (bridge short gaps first)
     * @param sampleRateHz sample rate, Hz
     * @param startTimeS   time of {@code force[0]}, s
     * @param side         the foot
     * @param settings     detector settings
     * @return events in time order
     */
    public static List<GaitEvent> detect(double[] force, double sampleRateHz, double startTimeS, Side side,
                                         ContactDetectorSettings settings) {
        return detect(force, sampleRateHz, startTimeS, side, settings, Double.NaN, EventTiming.UNLOADED_BASELINE);
    }

    /**
     * {@link #detect(double[], double, double, Side, ContactDetectorSettings)} for a signal whose
     * converter writes {@code rangeMinimum} for every value at or below it (NaN: not known), and
     * whose events follow {@code timing} (see {@link ContactEventDetector#ContactEventDetector(double,
     * ContactDetectorSettings, double, EventTiming, ContactEventListener)}).
     */
    public static List<GaitEvent> detect(double[] force, double sampleRateHz, double startTimeS, Side side,
                                         ContactDetectorSettings settings, double rangeMinimum, EventTiming timing) {
        List<GaitEvent> events = new ArrayList<>();
        ContactEventDetector detector = new ContactEventDetector(sampleRateHz, settings, rangeMinimum, timing,
                (type, index) -> events.add(new GaitEvent(side, type, startTimeS + index / sampleRateHz, index)));
        for (double v : force) {
            detector.accept(v);
        }
        detector.flush();
        return events;
    }
}
