package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class ForceScreenTest {
    private static final double MAX_N = 10_000;
    private static final double NAN = Double.NaN;

    @Test
    void aForceNoFootCarriesIsMissingEitherWayAndNothingElseChanges() {
        double[] x = {700, 2e4, 2e4, 700, -3e4, Double.POSITIVE_INFINITY, 700, NAN, 9_999, 800};
        ForceScreen screen = ForceScreen.apply(x, MAX_N, 100);
        assertArrayEquals(new double[] {700, NAN, NAN, 700, NAN, NAN, 700, NAN, 9_999, 800}, x);
        assertEquals(4, screen.screened());
        assertEquals(-1, screen.scaleFrom());
        double[] none = {700, 2e4, 1e30};
        ForceScreen.apply(none, Double.POSITIVE_INFINITY, 100);
        assertArrayEquals(new double[] {700, 2e4, 1e30}, none, "no limit, no screening");
    }

    /**
     * Three separate runs above the range of at least 0.1 s, half a second of such samples in
     * all and more than 1 % of all samples so far, show a force on another scale: from that
     * sample on, every sample above the range passes as it is; the ones before stay missing, and
     * a force far below the range stays missing after it too.
     */
    @Test
    void aForceOnAnotherScaleIsKeptFromWhenItShowsItself() {
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 100 < 30 ? 8e5 : 0;
        }
        x[500] = -1e8;
        double[] screened = x.clone();
        ForceScreen screen = ForceScreen.apply(screened, MAX_N, 100);
        assertEquals(209, screen.scaleFrom(), "the 10th sample of the third contact");
        double[] expected = x.clone();
        for (int i = 0; i < 209; i++) {
            expected[i] = x[i] > 0 ? NAN : x[i];
        }
        expected[500] = NAN;
        assertArrayEquals(expected, screened);
        assertEquals(70, screen.screened(), "69 before the switch, and the force far below the range");
    }

    /**
     * One long glitch is one run, however long, and sparse errors are under 1 % of the samples:
     * neither shows another scale, and every such sample stays missing.
     */
    @Test
    void glitchesShowNoOtherScale() {
        double[] longGlitch = new double[2000];
        Arrays.fill(longGlitch, 100, 400, 1e8);
        ForceScreen one = ForceScreen.apply(longGlitch, MAX_N, 100);
        assertEquals(-1, one.scaleFrom(), "3 s of one glitch");
        assertEquals(300, one.screened());
        double[] sparse = new double[20_000];
        for (int i = 0; i < sparse.length; i += 1500) {
            Arrays.fill(sparse, i, i + 10, 2e4);
        }
        ForceScreen errors = ForceScreen.apply(sparse, MAX_N, 100);
        assertEquals(-1, errors.scaleFrom(), "14 runs of 0.1 s in 200 s, 0.7 % of the samples");
        assertEquals(140, errors.screened());
    }
}
