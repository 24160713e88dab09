package org.soleus.core.analysis;

import java.util.Objects;
import org.soleus.core.events.GaitEventFuser;
import org.soleus.core.imu.GyroEventSettings;
import org.soleus.core.imu.ShankEventSettings;

/**
 * How the gait analysis uses foot- or shank-worn IMUs ({@link InsoleGaitAnalyzer#analyze(
 * org.soleus.core.recording.Recording, GaitSettings, ImuSettings)}).
 *
 * @param events      the foot gyroscope event detector's settings
 * @param shankEvents the shank gyroscope event detector's settings, used for a foot without a
 *                    foot IMU
 * @param pairWindowS largest distance between an insole event and the gyroscope event that
 *                    times it, s ({@link GaitEventFuser})
 */
public record ImuSettings(GyroEventSettings events, ShankEventSettings shankEvents, double pairWindowS) {

    public ImuSettings {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(shankEvents, "shankEvents");
        if (!(pairWindowS > 0 && pairWindowS <= 0.5)) {
            throw new IllegalArgumentException("pair window must be in (0, 0.5] s, got " + pairWindowS);
        }
    }

    /**
     * {@link GyroEventSettings#defaults()}, {@link ShankEventSettings#defaults()} and a
     * {@value GaitEventFuser#DEFAULT_PAIR_WINDOW_S} s pair window.
     */
    public static ImuSettings defaults() {
        return new ImuSettings(GyroEventSettings.defaults(), ShankEventSettings.defaults(),
                GaitEventFuser.DEFAULT_PAIR_WINDOW_S);
    }
}
