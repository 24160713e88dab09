package org.soleus.core.imu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

final class ImuColumnsTest {

    private static List<ChannelName> names(String... names) {
        List<ChannelName> out = new ArrayList<>();
        for (String n : names) {
            out.add(ChannelName.parse(n));
        }
        return out;
    }

    @Test
    void findsTheColumnsAndTheFactorsImuChannelsTakesForNamedUnits() {
        List<ChannelName> channels = names("left.insole.force_n", "left.thigh.acc_z_g", "left.thigh.gyr_x_rads", "left.thigh.gyr_y_rads",
                "left.thigh.gyr_z_rads", "left.thigh.acc_x_g", "left.thigh.acc_y_g", "right.thigh.gyr_x_dps");
        ImuColumns thigh = ImuColumns.find(channels, Side.LEFT, "thigh").orElseThrow();
        assertEquals(new ImuColumns(2, 3, 4, 5, 6, 1, ImuUnits.DEGREES_PER_RADIAN, Gravity.STANDARD_MPS2), thigh);

        List<Channel> samples = new ArrayList<>();
        for (ChannelName n : channels) {
            samples.add(new Channel(n, new float[] {0.5f, 1.0f, 0.2f}));
        }
        Recording recording = new Recording("test", 100, 0, samples, RecordingMetadata.EMPTY, List.of());
        ImuChannels batch = ImuChannels.find(recording, Side.LEFT, "thigh").orElseThrow();
        assertEquals(batch.gyroToDps(), thigh.gyroToDps());
        assertEquals(batch.accToMps2(), thigh.accToMps2());
        assertEquals(channels.get(thigh.gyrX()), batch.gyro().get(0).name());
        assertEquals(channels.get(thigh.accZ()), batch.acc().get(2).name());
    }

    @Test
    void unitsMustBeNamedAndAllSixSignalsPresent() {
        assertTrue(ImuColumns.find(names("left.shank.gyr_x_raw", "left.shank.gyr_y_raw", "left.shank.gyr_z_raw",
                "left.shank.acc_x_g", "left.shank.acc_y_g", "left.shank.acc_z_g"), Side.LEFT, "shank").isEmpty());
        assertTrue(ImuColumns.find(names("left.shank.gyr_x_dps", "left.shank.gyr_y_rads", "left.shank.gyr_z_dps",
                "left.shank.acc_x_g", "left.shank.acc_y_g", "left.shank.acc_z_g"), Side.LEFT, "shank").isEmpty());
        assertTrue(ImuColumns.find(names("left.shank.gyr_x_dps", "left.shank.gyr_y_dps", "left.shank.gyr_z_dps",
                "left.shank.acc_x_g", "left.shank.acc_y_g"), Side.LEFT, "shank").isEmpty());
        assertTrue(ImuColumns.find(names("left.shank.gyr_x_dps", "left.shank.gyr_y_dps", "left.shank.gyr_z_dps",
                "left.shank.acc_x_g", "left.shank.acc_y_g", "left.shank.acc_z_g"), Side.RIGHT, "shank").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ImuColumns(-1, 1, 2, 3, 4, 5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ImuColumns(0, 1, 2, 3, 4, 5, 1, Double.NaN));
    }
}
