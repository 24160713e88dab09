package org.soleus.core.load;

import java.util.List;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;

/**
 * Per-sample summary of one insole's cell forces: the force on the heel region and the centre of
 * pressure (CoP = force-weighted mean cell position; cells with force ≤ 0 do not count).
 *
 * <p>The heel region is the posterior {@value #HEEL_REGION_FRACTION} of the span of cell positions
 * along the foot, a convention (the calcaneus takes roughly the rear 30 % of foot length).
 * A NaN cell makes every output NaN; an unloaded insole gives heel force 0 and a NaN CoP.
 *
 * <p>No allocation per sample. Immutable and thread-safe.
 */
public final class CellAggregator {
    /** Share of the cell span, from the rearmost cell forward, that counts as heel. */
    public static final double HEEL_REGION_FRACTION = 0.30;

    private final int[] rowIndex;
    private final double[] x;
    private final double[] y;
    /** 1 for a heel cell, 0 for any other: the heel sum without a branch per cell. */
    private final double[] heelWeight;

    /**
     * @param layout   the insole's cells
     * @param rowIndex for each layout cell (in layout order), its position in a sample row
     */
    public CellAggregator(InsoleLayout layout, int[] rowIndex) {
        List<InsoleCell> cells = layout.cells();
        if (rowIndex.length != cells.size()) {
            throw new IllegalArgumentException("need one row index per cell: " + cells.size() + " cells, "
                    + rowIndex.length + " indices");
        }
        this.rowIndex = rowIndex.clone();
        this.x = new double[cells.size()];
        this.y = new double[cells.size()];
        this.heelWeight = new double[cells.size()];
        double heelLimit = layout.minY() + HEEL_REGION_FRACTION * (layout.maxY() - layout.minY());
        for (int c = 0; c < cells.size(); c++) {
            x[c] = cells.get(c).x();
            y[c] = cells.get(c).y();
            heelWeight[c] = y[c] <= heelLimit ? 1 : 0;
        }
    }

    /**
     * Summarises one sample row.
     *
     * @param row    the sample row holding the cell forces
     * @param out    receives heel force, CoP x, CoP y at {@code outOff}, {@code outOff + 1},
     *               {@code outOff + 2}
     * @param outOff where to write in {@code out}
     */
    public void aggregate(float[] row, float[] out, int outOff) {
        // Cells with negative force add zero, and a NaN cell turns every sum into NaN, which the
        // outputs then are. (A comparison, not Math.max: its NaN and -0 handling took a fifth
        // of this method's time, and neither case needs it here.)
        double sum = 0;
        double heelSum = 0;
        double sx = 0;
        double sy = 0;
        for (int c = 0; c < rowIndex.length; c++) {
            float cell = row[rowIndex[c]];
            double f = cell < 0f ? 0f : cell;
            sum += f;
            sx += f * x[c];
            sy += f * y[c];
            heelSum += f * heelWeight[c];
        }
        out[outOff] = (float) heelSum;
        out[outOff + 1] = sum > 0 ? (float) (sx / sum) : Float.NaN;
        out[outOff + 2] = sum > 0 ? (float) (sy / sum) : Float.NaN;
    }
}
