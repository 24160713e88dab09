package org.soleus.io.format;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.soleus.core.load.CellAggregator;
import org.soleus.core.load.FootPressureChannels;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;

/**
 * A {@link SampleSink} stage that adds the heel-region force ({@code <side>.insole.heel_force_n})
 * of a Moticon OpenGo insole, which its exports and live stream do not give, from its 16 cell
 * pressures, so that strides get a heel share as insoles with a cell layout do.
 *
 * <p>The insole's cell layout is not published; it is recovered from the vendor's own output.
 * The software's total force is the cells' pressures times their areas, and its centre of
 * pressure their area-weighted mean position, so a least-squares fit of the total force on the
 * 16 pressures gives the areas, and one of the centre of pressure times the force on the
 * area-weighted pressures gives the positions. Fitted on the three shipped exports (six insoles
 * of two sizes), the positions, in normalised insole coordinates, and the areas as fractions of
 * the insole's sensing area agree between insoles and sizes to within 0.002; with the pooled
 * values below the cells reproduce every export's heel-to-toe centre of pressure to within 0.0006
 * of the insole's length.
 *
 * <p>The heel region is that of {@link CellAggregator}: the cells in the rearmost
 * {@value CellAggregator#HEEL_REGION_FRACTION} of the cells' heel-to-toe span (cells 1–4). Its
 * force in a row is the insole's total force times the heel cells' share of the area-weighted
 * pressure (size-independent, so the insole's size need not be known; a negative pressure, an
 * offset, counts as 0, as {@link CellAggregator} counts an unloaded cell); 0 when no cell is loaded.
 * A row whose cells put the centre of pressure more than {@value #MAX_COP_MISMATCH} of the
 * insole's length from where the software put it gets NaN, as does a row that cannot be checked
 * (the software gives no centre of pressure below 50 N: missing after
 * {@link MoticonCentreOfPressure}) and a row with a missing cell or force. After
 * {@value #MAX_MISMATCHED_ROWS} mismatched rows the insole is taken for one of another layout (or
 * with its columns in another order) and gives no heel force at all from then on, so that the
 * rows that agree by chance do not make a heel share.
 *
 * <p>Needs, per foot, {@code <side>.insole.cell01_ncm2} … {@code cell16_ncm2},
 * {@code <side>.insole.force_n} and {@code <side>.insole.cop_y_norm} (as {@link MoticonReader}
 * and {@link org.soleus.io.udp.MoticonUdp} name them); a foot without them, or a recording that
 * already has its heel force, passes unchanged (a foot with cells and force but no centre of
 * pressure with a warning at the end, as its heel share is then missing). No allocation per row;
 * not thread-safe.
 */
public final class MoticonHeelForce extends FootColumnStage {
    /** Cells per insole. */
    static final int CELLS = 16;
    /** Largest distance between the cells' and the software's centre of pressure, fraction of insole length. */
    static final double MAX_COP_MISMATCH = 0.01;
    /** After this many mismatched rows a foot's insole is taken for one of another layout: no heel force from then on. */
    static final int MAX_MISMATCHED_ROWS = 10;

    /** Heel-to-toe position of cells 1–16, normalised insole length (−0.5 heel … +0.5 toe). */
    static final double[] ALONG = {-0.4034, -0.4169, -0.2657, -0.2872, -0.1251, -0.1524, 0.0798, -0.0123, 0.2563,
        0.2404, 0.2263, 0.2066, 0.1700, 0.4133, 0.4080, 0.3591};
    /** Area of cells 1–16 as a fraction of the insole's sensing area. */
    static final double[] AREA_SHARE = {0.0603, 0.0538, 0.0651, 0.0641, 0.0640, 0.0634, 0.0881, 0.0888, 0.0764,
        0.0606, 0.0609, 0.0619, 0.0502, 0.0495, 0.0612, 0.0317};
    private static final boolean[] HEEL = heelCells();

    private int[][] cellIndex;
    private Side[] sides;
    private String source;
    private int[] forceIndex;
    private int[] copIndex;
    /** Rows per foot whose cells put the centre of pressure elsewhere than the software did. */
    private int[] mismatches;
    /** Feet with Moticon's cells and force but no centre of pressure to check the layout against. */
    private final List<Side> uncheckable = new ArrayList<>();
    /**
     * Per foot of a Moticon recording that has some of its 16 cell pressures but not all, the
     * channels missing (a column left out of the export, renamed, or in another unit).
     */
    private final Map<Side, List<ChannelName>> incomplete = new EnumMap<>(Side.class);
    /** Of those, the feet without a force too (an export without its total force), which the cells would give. */
    private final Set<Side> incompleteWithoutForce = EnumSet.noneOf(Side.class);

    /** @param downstream receives the rows with the heel forces added */
    public MoticonHeelForce(SampleSink downstream) {
        super(downstream);
    }

    private static boolean[] heelCells() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double y : ALONG) {
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        boolean[] heel = new boolean[CELLS];
        for (int c = 0; c < CELLS; c++) {
            heel[c] = ALONG[c] <= min + CellAggregator.HEEL_REGION_FRACTION * (max - min);
        }
        return heel;
    }

    /**
     * Where a foot's 16 cells ({@code <side>.insole.cell01_ncm2} … {@code cell16_ncm2}) lie in a
     * row, in cell order, or null when one is missing.
     */
    static int[] cellIndices(List<ChannelName> names, Side side) {
        int[] index = new int[CELLS];
        for (int c = 0; c < CELLS; c++) {
            index[c] = names.indexOf(ChannelName.of(side, "insole", String.format("cell%02d", c + 1), "ncm2"));
            if (index[c] < 0) {
                return null;
            }
        }
        return index;
    }

    /** The 16 cell channels of a foot ({@code <side>.insole.cell01_ncm2} …) that {@code names} lacks. */
    private static List<ChannelName> missingCells(List<ChannelName> names, Side side) {
        List<ChannelName> missing = new ArrayList<>();
        for (int c = 0; c < CELLS; c++) {
            ChannelName cell = ChannelName.of(side, "insole", String.format("cell%02d", c + 1), "ncm2");
            if (!names.contains(cell)) {
                missing.add(cell);
            }
        }
        return missing;
    }

    @Override
    public void start(RecordingHeader header) {
        List<ChannelName> names = header.channels();
        List<int[]> cells = new ArrayList<>();
        List<Side> feet = new ArrayList<>();
        List<Integer> forces = new ArrayList<>();
        List<Integer> cops = new ArrayList<>();
        List<ChannelName> added = new ArrayList<>();
        uncheckable.clear();
        incomplete.clear();
        incompleteWithoutForce.clear();
        String format = header.metadata().properties().getOrDefault("source_format", "");
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            int[] index = cellIndices(names, side);
            List<ChannelName> missing = missingCells(names, side);
            if (format.startsWith("moticon") && !missing.isEmpty() && missing.size() < CELLS
                    && !names.contains(FootPressureChannels.heelForce(side))) {
                incomplete.put(side, missing);
                if (names.stream().noneMatch(n -> n.isInsoleForce() && n.side() == side)) {
                    incompleteWithoutForce.add(side);
                }
            }
            boolean complete = index != null && !names.contains(FootPressureChannels.heelForce(side));
            int force = names.indexOf(ChannelName.of(side, "insole", "force", "n"));
            int cop = names.indexOf(MoticonReader.copChannel(side, "x"));
            if (complete && force >= 0 && cop >= 0) {
                cells.add(index);
                forces.add(force);
                cops.add(cop);
                feet.add(side);
                added.add(FootPressureChannels.heelForce(side));
            } else if (complete && force >= 0) {
                uncheckable.add(side);
            }
        }
        cellIndex = cells.toArray(new int[0][]);
        sides = feet.toArray(new Side[0]);
        source = header.source();
        mismatches = new int[cellIndex.length];
        forceIndex = forces.stream().mapToInt(Integer::intValue).toArray();
        copIndex = cops.stream().mapToInt(Integer::intValue).toArray();
        startDownstream(header, added);
    }

    /** The heel force of foot {@code f} in {@code row}, or NaN (see the class comment). */
    @Override
    float valueOf(int f, float[] row) {
        int[] cells = cellIndex[f];
        float forceN = row[forceIndex[f]];
        float copAlong = row[copIndex[f]];
        double weighted = 0;
        double heel = 0;
        double moment = 0;
        for (int c = 0; c < CELLS; c++) {
            double w = Math.max(0, row[cells[c]]) * AREA_SHARE[c];
            weighted += w;
            moment += w * ALONG[c];
            if (HEEL[c]) {
                heel += w;
            }
        }
        if (Double.isNaN(weighted) || Float.isNaN(forceN)) {
            return Float.NaN;
        }
        if (weighted <= 0) {
            return 0;
        }
        if (Float.isNaN(copAlong) || mismatches[f] >= MAX_MISMATCHED_ROWS) {
            return Float.NaN;
        }
        if (Math.abs(moment / weighted - copAlong) > MAX_COP_MISMATCH) {
            mismatches[f]++;
            return Float.NaN;
        }
        return (float) (forceN * heel / weighted);
    }

    /**
     * Passes the warnings on, with one for each insole whose cells did not fit the recovered layout
     * and one for each whose centre of pressure was not recorded.
     */
    @Override
    public void end(List<String> warnings) {
        List<String> all = new ArrayList<>(warnings);
        incomplete.forEach((side, missing) -> all.add(source + ": the " + side.label() + " insole has " + (CELLS
                - missing.size()) + " of the " + CELLS + " cell pressures of a Moticon insole, without "
                + missing.stream().map(ChannelName::toString).collect(Collectors.joining(", "))
                + " (a column left out of the export, renamed, or in another unit than N/cm²): it gets no "
                + (incompleteWithoutForce.contains(side) ? "force and no heel force from its cells, so no gait events and"
                + " no heel share" : "heel force from its cells, so no heel share")));
        if (!uncheckable.isEmpty()) {
            List<String> feet = uncheckable.stream().map(Side::label).toList();
            all.add(source + ": the " + String.join(" and ", feet) + (feet.size() == 1 ? " insole has" : " insoles have")
                    + " no heel-to-toe centre of pressure on the insole (the export's 'center of pressure X' column, on"
                    + " −0.5…+0.5 or in %), which the heel"
                    + " force needs to check the cells' layout against and the plantar-flexor moment needs as its"
                    + " lever: no heel share, moment, Achilles force or calf raises (export the centre of pressure,"
                    + " normalised to the insole, to get them)");
        }
        for (int f = 0; f < cellIndex.length; f++) {
            if (mismatches[f] >= MAX_MISMATCHED_ROWS) {
                all.add(source + ": the " + sides[f].label() + " insole's cells put the centre of pressure elsewhere"
                        + " than the Moticon software did (" + MAX_MISMATCHED_ROWS + " rows by more than "
                        + MAX_COP_MISMATCH + " of its length): its pressure columns are in another order, it is another"
                        + " insole model, or its centre of pressure is not on −0.5…+0.5; it has no heel force, so no"
                        + " heel share");
            }
        }
        endDownstream(all);
    }
}
