package org.soleus.core.testing;

import java.util.Arrays;

/** Plain statistics over values that tests collect. */
public final class Stats {
    private Stats() {
    }

    /** The median of {@code values}, the mean of the middle two for an even count; the array is not changed. */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
