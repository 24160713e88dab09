package org.soleus.core.load;

import java.util.Objects;

/**
 * One foot's per-sample heel force and centre of pressure (as {@link CellAggregator} makes them,
 * or, without the heel force, as the insole's own software exported them; see
 * {@link PressureTrackChannels}), with the heel-to-toe span of their coordinates. Holds the
 * caller's arrays, not copies.
 */
public final class PressureTrack {
    private final float[] heelForceN;
    private final float[] copX;
    private final float[] copY;
    private final double spanY;

    /**
     * @param heelForceN heel-region force per sample, N, or null when unknown
     * @param copX       medio-lateral CoP per sample (NaN when unloaded)
     * @param copY       heel-to-toe CoP per sample (NaN when unloaded)
     * @param spanY      heel-to-toe span of the cell positions, same unit as the CoP
     */
    public PressureTrack(float[] heelForceN, float[] copX, float[] copY, double spanY) {
        this.heelForceN = heelForceN;
        this.copX = Objects.requireNonNull(copX, "copX");
        this.copY = Objects.requireNonNull(copY, "copY");
        if (copY.length != copX.length || (heelForceN != null && heelForceN.length != copX.length)) {
            throw new IllegalArgumentException("tracks differ in length: "
                    + (heelForceN == null ? "no heel force" : String.valueOf(heelForceN.length)) + ", "
                    + copX.length + ", " + copY.length);
        }
        this.spanY = spanY;
    }

    boolean hasHeelForce() {
        return heelForceN != null;
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
