package org.soleus.io.format;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
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
 * <p>One warning at the end names the insoles so given a force. Cells in other units (pressures,
 * raw counts) are left alone: a pressure needs the cells' areas, counts need a calibration
 * ({@link org.soleus.io.calibration.CalibratingSink}, which adds the sum of the cells it
 * converts). Each row is summed on its own, so {@code CellForceSum::new} is a
 * {@link org.soleus.core.recording.RowTransform}: the analysis of a file reads through it (the
 * file's own channels are read as written), and a live stream passes it before its analysis. No
 * allocation per row; not thread-safe.
 */
public final class CellForceSum extends FootColumnStage {
    private static final String NEWTONS = "n";

    private int[][] cellIndex;
    private final List<Side> feet = new ArrayList<>();
    private final List<List<ChannelName>> feetCells = new ArrayList<>();
    private String source;

    /** @param downstream receives the rows with the insoles' summed forces appended */
    public CellForceSum(SampleSink downstream) {
        super(downstream);
    }

    /** The channel this stage adds for a foot: {@code <side>.insole.force_n}. */
    public static ChannelName channel(Side side) {
        return ChannelName.of(side, "insole", "force", NEWTONS);
    }

    /** Whether {@code name} is an insole cell in newtons, {@code <side>.insole.cellNN_n}. */
    static boolean isCellInNewtons(ChannelName name) {
        return name.side() != Side.NONE && name.place().equals("insole") && name.unit().equals(NEWTONS)
                && name.quantity().matches("cell\\d+");
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
            if (names.stream().anyMatch(n -> n.isInsoleForce() && n.side() == side)) {
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
        startDownstream(header, added);
    }

    /** The sum of foot {@code foot}'s cells in {@code row}, N; NaN when one of them is. */
    @Override
    float valueOf(int foot, float[] row) {
        double sumN = 0;
        for (int i : cellIndex[foot]) {
            sumN += row[i];
        }
        return (float) sumN;
    }

    /** Passes the warnings on, with one naming the insoles whose force is the sum of their cells. */
    @Override
    public void end(List<String> warnings) {
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
                + "; a sum reads less than the foot's force where the cells do not cover the sole");
        endDownstream(all);
    }
}
