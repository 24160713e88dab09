package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionLoading;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * Plantar-flexor moment on the shipped Moticon walk: the vendor size code (7) is not guessed at,
 * so the default geometry applies; the moment stays within what a walking adult produces. The
 * insole's centre of pressure spans only about −0.27 … +0.12 of its length (no cells under the
 * toes), so the moment comes out well below inverse-dynamics values for the same force.
 */
final class MoticonMomentTest {

    @Test
    void momentOnARealWalkIsPlausible() throws IOException {
        Recording rec = Recordings.read(Path.of("../sample-data/moticon-opengo/230927_102114.txt"));
        assertEquals(FootGeometry.DEFAULT, FootGeometry.from(rec.metadata(), Side.LEFT));
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] moment = PlantarFlexionLoading.momentNm(rec, side, FootGeometry.DEFAULT);
            double[] valid = Arrays.stream(moment).filter(m -> !Double.isNaN(m)).sorted().toArray();
            double p99 = valid[(int) (0.99 * (valid.length - 1))];
            System.out.println(String.format(Locale.ROOT, "moticon 230927_102114 %s: 99th-percentile plantar-flexor moment %.1f N·m",
                    side.label(), p99));
            assertTrue(p99 > 40 && p99 < 120, side + " moment " + p99 + " N·m");
            assertTrue(valid[0] > -60, "dorsiflexor moment " + valid[0] + " N·m");
        }
    }
}
