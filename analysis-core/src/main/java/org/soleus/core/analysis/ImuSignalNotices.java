package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.soleus.core.imu.GyroRange;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * Notices on a recording's IMU signals, for {@link LegLoadAnalyzer}: gyroscope samples beyond
 * {@link GyroRange}, which the analysis takes as the sample before them. One line, for
 * standard error and {@code summary.json}. Stateless.
 */
final class ImuSignalNotices {
    private ImuSignalNotices() {
    }

    /**
     * The sensors whose gyroscope has samples beyond {@link GyroRange#MAX_DPS} (in deg/s by the
     * unit {@link ImuChannels} reads them in), with how many.
     */
    static Optional<String> gyroOutOfRange(Recording recording) {
        Set<Sensor> sensors = new LinkedHashSet<>();
        for (ChannelName name : recording.channelNames()) {
            if (name.quantity().startsWith("gyr_")) {
                sensors.add(new Sensor(name.side(), name.place()));
            }
        }
        List<String> counts = new ArrayList<>();
        for (Sensor sensor : sensors) {
            Optional<ImuChannels> imu;
            try {
                imu = ImuChannels.find(recording, sensor.side(), sensor.place());
            } catch (IllegalArgumentException e) {
                // a rate of unknown unit: the analysis that reads the sensor says so
                continue;
            }
            int beyond = imu.map(ImuChannels::gyroSamplesOutOfRange).orElse(0);
            if (beyond > 0) {
                counts.add(imu.get().sensor() + " " + beyond);
            }
        }
        return counts.isEmpty() ? Optional.empty() : Optional.of("gyroscope samples beyond ±"
                + (int) GyroRange.MAX_DPS + " deg/s, a rate no body segment reaches (" + String.join(", ", counts)
                + "): each taken as the sample before it");
    }

    /** A sensor: the side and place its channels share. */
    private record Sensor(Side side, String place) {
    }
}
