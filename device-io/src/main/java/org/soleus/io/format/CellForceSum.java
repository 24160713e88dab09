package org.soleus.io.format;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RowTransform;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.core.recording.StreamTally;
import org.soleus.core.text.Counted;

/**
 * A {@link SampleSink} stage that gives an insole whose cells are in newtons
 * ({@code <side>.insole.cell01_n} …) but which has no force channel ({@code <side>.insole.force_<unit>}
 * of any unit) its force: {@code <side>.insole.force_n}, the sum of its cells, NaN in a row where
 * one of them is missing. The total of an instrumented insole is defined so (PhysioNet gaitpdb's
 * total force columns are the sums of its eight sensors), so a file or stream of cells alone is
 * analysed as one that also carries their total. Where the cells do not cover the sole, the sum
 * reads less than the foot's force: the timing of the events is not affected, the loading figures
 * are, which the analysis's check of the mean force against the body weight tells.
 *
 * <p>One warning at the end names the insoles so given a force, and the rows in which a missing
 * cell left a sum missing (naming a cell that has no sample at all: a dead cell leaves its insole
 * without force). Cells in other units (pressures, raw counts) are left alone: a pressure needs
 * the cells' areas, counts need a calibration ({@link org.soleus.io.calibration.CalibratingSink},
 * which adds the sum of the cells it converts and of those already in newtons); an insole with
 * cells in raw counts among its channels is left to that calibration too, whose sum would
 * otherwise be taken for the insole's force by a sum of its cells in newtons alone, whether the
 * calibration comes before this stage ({@code analyze}) or after it ({@code live}).
 *
 * <p>Each row is summed on its own, so the stage is a {@link RowTransform} ({@link #inFrontOf}):
 * the analysis of a file reads through it (the file's own channels are read as written, and so
 * are those {@code record} writes), and {@code live} passes the stream through it before its
 * analysis. The sinks of one such transform count into one tally, so that the warning of a file
 * read in parts counts the rows of every part ({@link StreamTally}). No allocation per row; not
 * thread-safe.
 */
public final class CellForceSum extends FootColumnStage {
    private static final String NEWTONS = "n";
    private static final String COUNTS = "counts";

    private int[][] cellIndex;
    private final List<Side> feet = new ArrayList<>();
    private final List<List<ChannelName>> feetCells = new ArrayList<>();
    /**
     * This sink's counts, added to {@link #tally} at the end of its rows: per foot, from
     * {@link #countsAt}, the rows with a sample of some cell, those of them whose sum a missing
     * cell left missing, and per cell those in which it is missing (rows missing whole, lost
     * frames or a gap, are not counted).
     */
    private long[] counts;
    private int[] countsAt;
    private final StreamTally tally;
    private String source;

    /**
     * A sink for one stream that reaches it whole, such as a live one; for the sinks of a
     * {@link RowTransform}, which may each see a part of a stream, see {@link #inFrontOf}.
     *
     * @param downstream receives the rows with the insoles' summed forces appended
     */
    public static CellForceSum ofWholeStream(SampleSink downstream) {
        return new CellForceSum(downstream, new StreamTally());
    }

    private CellForceSum(SampleSink downstream, StreamTally tally) {
        super(downstream);
        this.tally = tally;
    }

    /**
     * This stage in front of {@code next}'s sinks. For each stream ({@link RowTransform#forOneStream})
     * its sinks, the whole stream's and those of its parts, add their counts to one tally, which
     * the warning at the end of the whole stream, the last of them to end, reports.
     */
    public static RowTransform inFrontOf(RowTransform next) {
        return RowTransform.tallied(CellForceSum::new, next);
    }

    /** The channel this stage adds for a foot: {@code <side>.insole.force_n}. */
    public static ChannelName channel(Side side) {
        return ChannelName.of(side, "insole", "force", NEWTONS);
    }

    /** Whether {@code name} is an insole cell in newtons, {@code <side>.insole.cellNN_n}. */
    public static boolean isCellInNewtons(ChannelName name) {
        return name.unit().equals(NEWTONS) && name.isInsoleCell();
    }

    @Override
    public void start(RecordingHeader header) {
        List<ChannelName> names = header.channels();
        source = header.source();
        feet.clear();
        feetCells.clear();
        List<int[]> indices = new ArrayList<>();
        List<ChannelName> added = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            if (names.stream().anyMatch(n -> n.side() == side && n.place().equals("insole")
                    && (n.isInsoleForce() || n.unit().equals(COUNTS) && n.isInsoleCell()))) {
                continue;
            }
            List<ChannelName> cells = names.stream().filter(n -> n.side() == side && isCellInNewtons(n)).toList();
            if (cells.isEmpty()) {
                continue;
            }
            indices.add(cells.stream().mapToInt(names::indexOf).toArray());
            feet.add(side);
            feetCells.add(cells);
            added.add(channel(side));
        }
        cellIndex = indices.toArray(new int[0][]);
        countsAt = new int[cellIndex.length];
        int size = 0;
        for (int f = 0; f < cellIndex.length; f++) {
            countsAt[f] = size;
            size += 2 + cellIndex[f].length;
        }
        counts = new long[size];
        startDownstream(header, added);
    }

    /** The sum of foot {@code foot}'s cells in {@code row}, N; NaN when one of them is. */
    @Override
    float valueOf(int foot, float[] row) {
        int[] cells = cellIndex[foot];
        double sumN = 0;
        int missing = 0;
        for (int i : cells) {
            float cellN = row[i];
            if (Float.isNaN(cellN)) {
                missing++;
            }
            sumN += cellN;
        }
        if (missing < cells.length) {
            int at = countsAt[foot];
            counts[at]++;
            if (missing > 0) {
                counts[at + 1]++;
                for (int c = 0; c < cells.length; c++) {
                    if (Float.isNaN(row[cells[c]])) {
                        counts[at + 2 + c]++;
                    }
                }
            }
        }
        return (float) sumN;
    }

    /**
     * {@code "; left.insole.force_n is missing in 120 of the 6000 rows with its cells, for want of one
     * of them (left.insole.cell03_n has no sample)"}, for the feet whose sum a missing cell left
     * missing in some row; empty when none is.
     */
    private String missingRows(long[] total) {
        StringBuilder text = new StringBuilder();
        for (int f = 0; f < feet.size(); f++) {
            int at = countsAt[f];
            if (total[at + 1] == 0) {
                continue;
            }
            List<String> dead = new ArrayList<>();
            for (int c = 0; c < cellIndex[f].length; c++) {
                if (total[at + 2 + c] == total[at]) {
                    dead.add(feetCells.get(f).get(c).toString());
                }
            }
            text.append("; ").append(channel(feet.get(f))).append(" is missing in ").append(total[at + 1])
                    .append(" of the ").append(Counted.of(total[at], "row")).append(" with its cells, for"
                    + " want of one of them");
            if (!dead.isEmpty()) {
                text.append(" (").append(String.join(", ", dead)).append(dead.size() == 1 ? " has" : " have")
                        .append(" no sample)");
            }
        }
        return text.toString();
    }

    /**
     * Adds this sink's counts to the tally, then passes the warnings on, with one naming the
     * insoles whose force is the sum of their cells and counting the rows of the tally.
     */
    @Override
    public void end(List<String> warnings) {
        long[] total = counts == null ? null : tally.add(counts);
        if (feet.isEmpty()) {
            endDownstream(warnings);
            return;
        }
        List<String> all = new ArrayList<>(warnings);
        List<String> sums = new ArrayList<>();
        for (int f = 0; f < feet.size(); f++) {
            List<ChannelName> cells = feetCells.get(f);
            sums.add(channel(feet.get(f)) + (f == 0 ? " is" : "") + " the sum of its " + Counted.of(cells.size(), "cell")
                    + " (" + cells.get(0) + (cells.size() == 1 ? "" : " … " + cells.get(cells.size() - 1)) + ")");
        }
        all.add(source + ": no insole force channel: " + String.join(", ", sums)
                + "; a sum reads less than the foot's force where the cells do not cover the sole" + missingRows(total));
        endDownstream(all);
    }
}
