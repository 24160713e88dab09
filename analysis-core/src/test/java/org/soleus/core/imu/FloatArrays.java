package org.soleus.core.imu;

import java.util.function.IntToDoubleFunction;

/** Float sample arrays scaled by a factor, as a sensor reporting in other units would give them. */
final class FloatArrays {
    private FloatArrays() {
    }

    /** {@code v} times {@code scale}, each product rounded to float. */
    static float[] scaled(double[] v, double scale) {
        return scaled(v.length, i -> v[i], scale);
    }

    /** {@code v} times {@code scale} in double precision, each product rounded to float. */
    static float[] scaled(float[] v, double scale) {
        return scaled(v.length, i -> v[i], scale);
    }

    private static float[] scaled(int n, IntToDoubleFunction v, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (v.applyAsDouble(i) * scale);
        }
        return out;
    }
}
