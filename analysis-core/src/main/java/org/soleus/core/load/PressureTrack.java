package org.soleus.core.load;

import java.util.Objects;

/**
 * One foot's per-sample heel force and centre of pressure (as {@link CellAggregator} makes them),
 * with the heel-to-toe span of the cell layout. Holds the caller's arrays, not copies.
 */
public final class PressureTrack {
    private final float[] heelForceN;
    private final float[] copX;
    private final float[] copY;
    private final double spanY;

    /**
     * @param heelForceN heel-region force per sample, N
     * @param copX       medio-lateral CoP per sample (NaN when unloaded)
     * @param copY       heel-to-toe CoP per sample (NaN when unloaded)
     * @param spanY      heel-to-toe span of the cell positions, same unit as the CoP
     */
    public PressureTrack(float[] heelForceN, float[] copX, float[] copY, double spanY) {
        this.heelForceN = Objects.requireNonNull(heelForceN, "heelForceN");
        this.copX = Objects.requireNonNull(copX, "copX");
        this.copY = Objects.requireNonNull(copY, "copY");
        if (copX.length != heelForceN.length || copY.length != heelForceN.length) {
            throw new IllegalArgumentException("tracks differ in length: " + heelForceN.length + ", "
                    + copX.length + ", " + copY.length);
        }
        this.spanY = spanY;
    }

    float heelForceN(int i) {
        return heelForceN[i];
    }

    float copX(int i) {
        return copX[i];
    }

    float copY(int i) {
        return copY[i];
    }

    double spanY() {
        return spanY;
    }
}
