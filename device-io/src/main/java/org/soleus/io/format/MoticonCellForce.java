package org.soleus.io.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;

/**
 * A {@link SampleSink} stage that gives Moticon OpenGo insoles exported without their total
 * force (the export's columns are chosen in the vendor software) a contact signal from their 16
 * cell pressures: {@code <side>.insole.force_au}, the cells' area-weighted mean pressure in
 * N/cm² ({@link MoticonHeelForce#AREA_SHARE}; a negative pressure, an offset, counts as 0).
 *
 * <p>The software's total force is the same pressures times the cells' areas, so this signal is
 * the total force divided by the insole's sensing area: proportional to it, with a factor that
 * depends on the insole's size, which the export does not give in a usable form. It is therefore
 * named in arbitrary units, like the footswitch signals of other datasets: the gait events come
 * from it as from the total force, while loading figures, which need newtons, are not given.
 * Without it such insoles' events would come from their accelerometers and gyroscopes, whose
 * contact timing is several times less accurate.
 *
 * <p>That is when no insole has a force channel: loading needs every foot's force in newtons, so
 * a signal in arbitrary units for one insole would take the other's loading figures away. An
 * insole without its force beside one with its force in newtons and all 16 cells gets
 * {@code <side>.insole.force_n} instead: its mean cell pressure times the sensing area that the
 * other insole's force and cells give (their ratio in every row where that insole carries at
 * least {@value #MIN_AREA_FORCE_N} N, averaged over the rows so far), as the two insoles of a
 * pair have the same size. The rows before the first such row are held back, up to
 * {@value #MAX_HELD_S} s of them, and passed on with the first row's area; rows held longer pass
 * on without that force, and a recording in which no row gives the area has none. Without the
 * other insole's force in newtons and cells, the insole passes unchanged, and a warning says
 * that it gives no gait events. Needs, per foot, {@code <side>.insole.cell01_ncm2} …
 * {@code cell16_ncm2} as {@link MoticonReader} names them; a foot that lacks a cell passes
 * unchanged. A row with a missing cell gives a missing value. No allocation per row (the held
 * rows are copied into arrays made at the start); not thread-safe.
 */
public final class MoticonCellForce extends FootColumnStage {
    /** The least force of the other insole at which a row gives the sensing area: well above the cells' rounding. */
    static final double MIN_AREA_FORCE_N = 100;
    /** The longest stretch of rows held back until the sensing area is known, s. */
    static final double MAX_HELD_S = 5;
    /** The unit of a Moticon cell pressure in a channel name: N/cm². */
    private static final String PRESSURE_UNIT = "ncm2";

    private int[][] cellIndex;
    /** Feet with the mean cell pressure as their contact signal, in arbitrary units. */
    private final List<Side> feet = new ArrayList<>();
    /** The foot whose force comes from the other insole's sensing area, or null. */
    private Side scaled;
    /** The position of the scaled foot among the appended channels. */
    private int scaledColumn;
    /** The other insole's force column and cells, which give the sensing area. */
    private int areaForceIndex;
    private int[] areaCells;
    private double areaSumCm2;
    private long areaRows;
    /** Rows held back until the sensing area is known: copies, in order. */
    private float[][] held;
    private int heldCount;
    /** Rows passed on without the scaled foot's force, the area being unknown. */
    private long rowsWithoutArea;
    /**
     * Insoles with cells but no force beside one whose force is not in newtons or that lacks
     * cells: no contact signal for them.
     */
    private final List<Side> withoutForce = new ArrayList<>();
    private String source;

    /** @param downstream receives the rows with the cell-derived forces added */
    public MoticonCellForce(SampleSink downstream) {
        super(downstream);
    }

    /**
     * The stages that derive forces from Moticon cells: this one, then {@link MoticonHeelForce},
     * then {@code next}. A stream without Moticon cells passes unchanged.
     */
    public static SampleSink withHeelForce(SampleSink next) {
        return new MoticonCellForce(new MoticonHeelForce(next));
    }

    /**
     * Whether the stages of {@link #withHeelForce} pass a stream of {@code channels} unchanged:
     * it has no Moticon cell pressure ({@code <side>.insole.cellNN_ncm2}). Only then do they map
     * every row on its own, as a {@link org.soleus.core.recording.RowTransform} does; with the
     * cells, this stage may hold rows back and the heel force stops checking after too many
     * mismatched rows.
     */
    public static boolean passesUnchanged(List<ChannelName> channels) {
        return channels.stream().noneMatch(n -> n.isInsoleCell() && n.unit().equals(PRESSURE_UNIT));
    }

    /**
     * The channel this stage adds for a foot when no insole has its force: the area-weighted mean
     * cell pressure, proportional to the force.
     */
    public static ChannelName channel(Side side) {
        return ChannelName.of(side, "insole", "force", "au");
    }

    private static ChannelName forceN(Side side) {
        return ChannelName.of(side, "insole", "force", "n");
    }

    @Override
    public void start(RecordingHeader header) {
        List<ChannelName> names = header.channels();
        List<int[]> cells = new ArrayList<>();
        List<ChannelName> added = new ArrayList<>();
        feet.clear();
        withoutForce.clear();
        scaled = null;
        areaSumCm2 = 0;
        areaRows = 0;
        held = null;
        heldCount = 0;
        rowsWithoutArea = 0;
        boolean anyForce = names.stream().anyMatch(ChannelName::isInsoleForce);
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            int[] index = MoticonHeelForce.cellIndices(names, side);
            if (index == null || names.stream().anyMatch(n -> n.isInsoleForce() && n.side() == side)) {
                continue;
            }
            if (!anyForce) {
                cells.add(index);
                feet.add(side);
                added.add(channel(side));
                continue;
            }
            int otherForce = names.indexOf(forceN(side.opposite()));
            int[] otherCells = MoticonHeelForce.cellIndices(names, side.opposite());
            if (otherForce < 0 || otherCells == null) {
                withoutForce.add(side);
                continue;
            }
            scaled = side;
            scaledColumn = cells.size();
            areaForceIndex = otherForce;
            areaCells = otherCells;
            held = new float[Math.max(1, (int) Math.round(MAX_HELD_S * header.sampleRateHz()))][names.size()];
            cells.add(index);
            added.add(forceN(side));
        }
        cellIndex = cells.toArray(new int[0][]);
        source = header.source();
        startDownstream(header, added);
    }

    /**
     * Takes the row's measure of the sensing area, then passes it on; while the area is unknown,
     * holds it back. When {@value #MAX_HELD_S} s of rows are held, they pass on without the force.
     */
    @Override
    public void accept(float[] row) {
        if (scaled == null) {
            pass(row);
            return;
        }
        double otherForceN = row[areaForceIndex];
        double otherPressure = meanPressure(areaCells, row);
        if (otherForceN >= MIN_AREA_FORCE_N && otherPressure > 0) {
            areaSumCm2 += otherForceN / otherPressure;
            areaRows++;
        }
        if (areaRows > 0) {
            passHeld();
            pass(row);
            return;
        }
        if (heldCount == held.length) {
            passHeld();
        }
        System.arraycopy(row, 0, held[heldCount++], 0, row.length);
    }

    /** Passes the held rows on, in order, with the area as it is now. */
    private void passHeld() {
        for (int i = 0; i < heldCount; i++) {
            if (areaRows == 0) {
                rowsWithoutArea++;
            }
            pass(held[i]);
        }
        heldCount = 0;
    }

    /**
     * The area-weighted mean pressure of foot {@code f}'s cells in {@code row}, times the sensing
     * area for the foot scaled to newtons; NaN with a missing cell or, for that foot, while the
     * area is unknown.
     */
    @Override
    float valueOf(int f, float[] row) {
        double pressure = meanPressure(cellIndex[f], row);
        if (scaled == null || f != scaledColumn) {
            return (float) pressure;
        }
        return areaRows == 0 ? Float.NaN : (float) (pressure * areaSumCm2 / areaRows);
    }

    /** The area-weighted mean of the 16 cell pressures at {@code cells} in {@code row}, N/cm²; NaN if one is. */
    private static double meanPressure(int[] cells, float[] row) {
        double weighted = 0;
        for (int c = 0; c < MoticonHeelForce.CELLS; c++) {
            weighted += Math.max(0, row[cells[c]]) * MoticonHeelForce.AREA_SHARE[c];
        }
        return weighted;
    }

    /**
     * Passes the rows still held on, then the warnings, with one naming the insoles whose
     * contact signal or force comes from the cells, or that have none.
     */
    @Override
    public void end(List<String> warnings) {
        if (scaled != null) {
            passHeld();
        }
        if (feet.isEmpty() && withoutForce.isEmpty() && scaled == null) {
            endDownstream(warnings);
            return;
        }
        List<String> all = new ArrayList<>(warnings);
        if (!feet.isEmpty()) {
            all.add(source + ": no insole force (" + forceNames(feet) + "; in a Moticon export, the 'total force'"
                    + " columns): the gait events come from the area-weighted mean of the 16 cell pressures ("
                    + String.join(" and ", feet.stream().map(s -> channel(s).toString()).toList())
                    + ", proportional to the force)");
        }
        if (scaled != null) {
            all.add(scaledWarning());
        }
        if (!withoutForce.isEmpty()) {
            Side side = withoutForce.get(0);
            all.add(source + ": no " + forceNames(withoutForce) + " (in a Moticon export, the '" + side.label()
                    + " total force[N]' column) while the " + side.opposite().label() + " insole has its force: the "
                    + side.label() + " foot gives no gait events (export the total force of both insoles)");
        }
        endDownstream(all);
    }

    /** The warning for the insole whose force comes from the other's sensing area, or that has none. */
    private String scaledWarning() {
        String side = scaled.label();
        String other = scaled.opposite().label();
        String missing = source + ": no '" + side + " total force[N]' column: ";
        if (areaRows == 0) {
            return missing + "no row has the " + other + " insole at " + (int) MIN_AREA_FORCE_N + " N or more with"
                    + " its cells loaded, so the sensing area that would turn the " + side + " insole's cell pressures"
                    + " into " + forceN(scaled) + " is unknown, and the " + side + " foot gives no gait events";
        }
        return missing + String.format(Locale.ROOT, "%s is the %s insole's area-weighted mean cell pressure times the"
                + " sensing area of %.1f cm² that the %s insole's force and cells give (the mean over %d rows of %d N"
                + " or more; a pair of insoles has the same size)", forceN(scaled), side, areaSumCm2 / areaRows, other,
                areaRows, (int) MIN_AREA_FORCE_N)
                + (rowsWithoutArea == 0 ? "" : "; the first " + rowsWithoutArea + " rows, more than " + MAX_HELD_S
                        + " s before the area was known, have none");
    }

    private static String forceNames(List<Side> sides) {
        return String.join(" and ", sides.stream().map(s -> forceN(s).toString()).toList());
    }
}
