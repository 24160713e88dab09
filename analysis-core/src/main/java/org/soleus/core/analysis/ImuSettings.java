package org.soleus.core.analysis;

import java.util.Objects;
import org.soleus.core.events.GaitEventFuser;
import org.soleus.core.imu.GyroEventSettings;

/**
 * How the gait analysis uses foot-worn IMUs ({@link InsoleGaitAnalyzer#analyze(
 * org.soleus.core.recording.Recording, GaitSettings, ImuSettings)}).
 *
 * @param events      the gyroscope event detector's settings
 * @param pairWindowS largest distance between an insole event and the gyroscope event that
 *                    times it, s ({@link GaitEventFuser})
 */
public record ImuSettings(GyroEventSettings events, double pairWindowS) {

    public ImuSettings {
        Objects.requireNonNull(events, "events");
        if (!(pairWindowS > 0 && pairWindowS <= 0.5)) {
            throw new IllegalArgumentException("pair window must be in (0, 0.5] s, got " + pairWindowS);
        }
    }

    /** {@link GyroEventSettings#defaults()} and a {@value GaitEventFuser#DEFAULT_PAIR_WINDOW_S} s pair window. */
    public static ImuSettings defaults() {
        return new ImuSettings(GyroEventSettings.defaults(), GaitEventFuser.DEFAULT_PAIR_WINDOW_S);
    }
}
