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
     * Half a second of samples beyond the range, more than 1 % of all so far, shows a force on
     * another scale: from that sample on, every sample passes as it is; the ones before stay
     * missing.
     */
    @Test
    void aForceOnAnotherScaleIsKeptFromWhenItShowsItself() {
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 100 < 60 ? 8e5 : 0;
        }
        double[] screened = x.clone();
        ForceScreen screen = ForceScreen.apply(screened, MAX_N, 100);
        assertEquals(49, screen.scaleFrom(), "the 50th sample beyond, 0.5 s at 100 Hz");
        assertEquals(49, screen.screened());
        double[] expected = x.clone();
        Arrays.fill(expected, 0, 49, NAN);
        assertArrayEquals(expected, screened);

        double[] sparse = new double[20_000];
        for (int i = 0; i < sparse.length; i += 300) {
            sparse[i] = 2e4;
        }
        ForceScreen errors = ForceScreen.apply(sparse, MAX_N, 100);
        assertEquals(-1, errors.scaleFrom(), "67 errors in 200 s are under 1 % of the samples");
        assertEquals(67, errors.screened());
    }
}
