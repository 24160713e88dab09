package org.soleus.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows of several signals, each signal's short gaps bridged, in order, as the batch method bridges them. */
final class RowGapBridgeTest {
    private static final double N = Double.NaN;

    @Test
    void eachSignalIsBridgedAsTheBatchMethodBridgesItAndTheRowsComeInOrder() {
        double[][] signals = {
            {1, 2, N, N, 5, 6, N, N, N, N, 11, 12},
            {10, N, 30, 40, 50, N, 70, 80, 90, 100, 110, N},
        };
        List<double[]> rows = new ArrayList<>();
        List<Integer> lateness = new ArrayList<>();
        int[] fed = new int[1];
        RowGapBridge bridge = new RowGapBridge(2, 3, row -> {
            rows.add(row.clone());
            lateness.add(fed[0] - rows.size());
        });
        for (int i = 0; i < signals[0].length; i++) {
            fed[0] = i + 1;
            bridge.accept(new double[] {signals[0][i], signals[1][i]});
        }
        bridge.finish();

        assertEquals(signals[0].length, rows.size());
        for (int s = 0; s < 2; s++) {
            double[] expected = signals[s].clone();
            Gaps.interpolateLinear(expected, 3);
            double[] got = new double[rows.size()];
            for (int i = 0; i < got.length; i++) {
                got[i] = rows.get(i)[s];
            }
            assertArrayEquals(expected, got, 1e-12, "signal " + s);
        }
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, N, N, N, N, 11, 12},
                rows.stream().mapToDouble(r -> r[0]).toArray(), "a run of 4 is beyond 3 and stays missing");
        assertTrue(lateness.stream().allMatch(late -> late <= 3), "no row later than the longest gap: " + lateness);
    }

    @Test
    void aRunOpenAtTheEndStaysMissing() {
        List<double[]> rows = new ArrayList<>();
        RowGapBridge bridge = new RowGapBridge(1, 5, row -> rows.add(row.clone()));
        bridge.accept(new double[] {1});
        bridge.accept(new double[] {N});
        assertEquals(1, rows.size(), "the missing sample waits for how its run ends");
        bridge.finish();
        assertEquals(2, rows.size());
        assertTrue(Double.isNaN(rows.get(1)[0]));
    }

    @Test
    void aBridgeNeedsASignal() {
        assertThrows(IllegalArgumentException.class, () -> new RowGapBridge(0, 3, row -> { }));
    }
}
