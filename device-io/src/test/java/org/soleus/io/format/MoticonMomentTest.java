package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.io.SampleData;

/**
 * Plantar-flexor moment on the shipped Moticon walk: the vendor size code (7) is not guessed at,
 * so the default geometry applies; the moment stays within what a walking adult produces: a peak
 * of about 1.7 N·m per kg (1.72 N·m/kg measured at 1.34 m/s), about 60–200 N·m for 40–110 kg with
 * the insole method's approximations. The insole's heel-to-toe centre of pressure (Moticon's x)
 * reaches about +0.3 of its length at push-off, so the lever then is some 10 cm.
 */
final class MoticonMomentTest {

    @Test
    void momentOnARealWalkIsPlausible() throws IOException {
        Recording rec = Recordings.read(SampleData.of("moticon-opengo", "230927_102114.txt"));
        assertEquals(FootGeometry.DEFAULT, FootGeometry.from(rec.metadata(), Side.LEFT));
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] moment = PlantarFlexionMoment.momentNm(rec.channel(side.label() + ".insole.force_n").toDoubleArray(),
                    rec.channel(side.label() + ".insole.cop_y_norm").toDoubleArray(), FootGeometry.DEFAULT);
            double[] valid = Arrays.stream(moment).filter(m -> !Double.isNaN(m)).sorted().toArray();
            double p99 = valid[(int) (0.99 * (valid.length - 1))];
            assertTrue(p99 > 60 && p99 < 200, side + " moment " + p99 + " N·m");
            assertTrue(valid[0] > -60, "dorsiflexor moment " + valid[0] + " N·m");
        }
    }
}
