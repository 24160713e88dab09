package org.soleus.core.load;

import java.util.Objects;

/**
 * One foot's per-sample heel force and centre of pressure (as {@link CellAggregator} makes them,
 * or, without the heel force, as the insole's own software exported them; see
 * {@link PressureTrackChannels}), with the heel-to-toe span of their coordinates. Holds the
 * caller's arrays, not copies.
 */
public final class PressureTrack {
    final float[] heelForceN;
    final float[] totalForceN;
    final float[] copX;
    final float[] copY;
    private final double spanY;

    /**
     * @param heelForceN  heel-region force per sample, N, or null when unknown
     * @param totalForceN the insole's total force per sample as recorded (not low-passed, like the
     *                    heel force), N; null exactly when {@code heelForceN} is
     * @param copX        medio-lateral CoP per sample (NaN when unloaded), or null when only the heel-to-toe
     *                    position is known (then there is no path length)
     * @param copY        heel-to-toe CoP per sample (NaN when unloaded)
     * @param spanY       heel-to-toe span of the cell positions, same unit as the CoP
     */
    public PressureTrack(float[] heelForceN, float[] totalForceN, float[] copX, float[] copY, double spanY) {
        this(heelForceN, totalForceN, copX, copY, spanY, Objects.requireNonNull(copY, "copY").length);
        if (longer(heelForceN, copY.length) || longer(totalForceN, copY.length) || longer(copX, copY.length)) {
            throw lengths(heelForceN, totalForceN, copX, copY.length);
        }
    }

    /** A track over the first {@code length} samples of arrays that may be longer (reused buffers). */
    PressureTrack(float[] heelForceN, float[] totalForceN, float[] copX, float[] copY, double spanY, int length) {
        this.copY = Objects.requireNonNull(copY, "copY");
        if ((heelForceN == null) != (totalForceN == null)) {
            throw new IllegalArgumentException("heel force and total force must be given together (for the heel share) "
                    + "or both be null");
        }
        if (copY.length < length || shorter(copX, length) || shorter(heelForceN, length) || shorter(totalForceN, length)) {
            throw lengths(heelForceN, totalForceN, copX, copY.length);
        }
        this.copX = copX;
        this.heelForceN = heelForceN;
        this.totalForceN = totalForceN;
        this.spanY = spanY;
    }

    private static boolean shorter(float[] track, int length) {
        return track != null && track.length < length;
    }

    private static boolean longer(float[] track, int length) {
        return track != null && track.length > length;
    }

    private static IllegalArgumentException lengths(float[] heelForceN, float[] totalForceN, float[] copX, int copYLength) {
        return new IllegalArgumentException("tracks differ in length: CoP y " + copYLength
                + (copX == null ? "" : ", CoP x " + copX.length)
                + (heelForceN == null ? "" : ", heel " + heelForceN.length + ", total " + totalForceN.length));
    }

    boolean hasHeelForce() {
        return heelForceN != null;
    }

    float heelForceN(int i) {
        return heelForceN[i];
    }

    float totalForceN(int i) {
        return totalForceN[i];
    }

    boolean hasCopX() {
        return copX != null;
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
