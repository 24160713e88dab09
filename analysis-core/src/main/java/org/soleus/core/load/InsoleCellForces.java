package org.soleus.core.load;

import java.util.Objects;

/**
 * One foot's cell forces with the cell positions, for centre-of-pressure and heel/forefoot
 * figures. Holds references to the caller's arrays (not copies): {@code forceN[c][i]} is the
 * force of cell {@code c} at sample {@code i}; {@code x[c]}, {@code y[c]} its position (heel to
 * toe along {@code y}).
 */
public final class InsoleCellForces {
    /** Posterior share of the cell span that counts as heel: 30 % of foot length, a convention. */
    public static final double HEEL_REGION_FRACTION = 0.30;

    private final float[][] forceN;
    private final double[] x;
    private final double[] y;
    private final boolean[] heel;
    private final double spanY;

    /**
     * @param forceN per-cell force arrays, all of the same length
     * @param x      cell medio-lateral positions
     * @param y      cell heel-to-toe positions
     */
    public InsoleCellForces(float[][] forceN, double[] x, double[] y) {
        Objects.requireNonNull(forceN, "forceN");
        if (forceN.length == 0 || forceN.length != x.length || x.length != y.length) {
            throw new IllegalArgumentException("need one position per cell: " + forceN.length + " cells, "
                    + x.length + " x and " + y.length + " y positions");
        }
        this.forceN = forceN.clone();
        this.x = x.clone();
        this.y = y.clone();
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            minY = Math.min(minY, v);
            maxY = Math.max(maxY, v);
        }
        this.spanY = maxY - minY;
        this.heel = new boolean[y.length];
        for (int c = 0; c < y.length; c++) {
            heel[c] = y[c] <= minY + HEEL_REGION_FRACTION * spanY;
        }
    }

    int cellCount() {
        return forceN.length;
    }

    float force(int cell, int sample) {
        return forceN[cell][sample];
    }

    double x(int cell) {
        return x[cell];
    }

    double y(int cell) {
        return y[cell];
    }

    boolean isHeel(int cell) {
        return heel[cell];
    }

    double spanY() {
        return spanY;
    }
}
