package org.soleus.core.imu;

/**
 * The median of the last five values added (swing peaks, stride times), the running reference
 * of the sagittal event detectors ({@link SagittalEventDetector},
 * {@link ShankSagittalEventDetector}). Allocates nothing after construction. Not thread-safe.
 */
final class RecentMedian {
    private static final int KEPT = 5;

    private final double[] ring = new double[KEPT];
    private final double[] sorted = new double[KEPT];
    private int count;

    /** Keeps {@code value}, dropping the oldest of more than five. */
    void add(double value) {
        ring[count % KEPT] = value;
        count++;
    }

    /** Whether no value has been added yet. */
    boolean isEmpty() {
        return count == 0;
    }

    /** Median of the last {@code min(added, 5)} values; 0 when there are none. */
    double median() {
        int n = Math.min(count, KEPT);
        if (n == 0) {
            return 0;
        }
        for (int k = 0; k < n; k++) {
            double v = ring[k];
            int j = k - 1;
            while (j >= 0 && sorted[j] > v) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = v;
        }
        return (n & 1) == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
