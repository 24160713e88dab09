package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Recording;
import org.soleus.io.MoticonExports;
import org.soleus.io.SampleData;

/** A Moticon export whose total force is in kN is read in newtons, as the toolkit's CSV is. */
final class MoticonForceUnitsTest {
    private static final Path WALK = SampleData.of("moticon-opengo").resolve("230927_102114.txt");
    private static final ReadOptions MASS = new ReadOptions(null, Double.NaN, 70.0);

    @Test
    void totalForceInKilonewtonsIsReadInNewtonsWithAWarning(@TempDir Path dir) throws IOException {
        Path kilonewtons = MoticonExports.withColumnsIn(WALK, dir.resolve("walk-kN.txt"), "total force", "[N]", "[kN]",
                0.001);
        Recording inN = Recordings.read(WALK, MASS);
        Recording inKn = Recordings.read(kilonewtons, MASS);
        assertEquals(inN.channelNames(), inKn.channelNames(), "the same channels, force_n among them");
        for (String side : new String[] {"left", "right"}) {
            float[] expected = inN.channel(side + ".insole.force_n").samples();
            float[] read = inKn.channel(side + ".insole.force_n").samples();
            assertEquals(expected.length, read.length);
            for (int i = 0; i < expected.length; i++) {
                if (Float.isNaN(expected[i])) {
                    assertTrue(Float.isNaN(read[i]), side + " sample " + i + " missing in both");
                } else {
                    assertEquals(expected[i], read[i], 1e-6 * Math.abs(expected[i]) + 1e-4, side + " sample " + i);
                }
            }
        }
        assertTrue(inKn.warnings().contains(kilonewtons + ":9: force in kN converted to newtons while reading"
                + " (1 kN = 1000 N) and the channels renamed to _n: left.insole.force_kn, right.insole.force_kn"),
                inKn.warnings().toString());
    }
}
