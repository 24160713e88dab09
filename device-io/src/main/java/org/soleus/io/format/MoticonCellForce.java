package org.soleus.io.format;

import java.util.ArrayList;
import java.util.List;
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
 * <p>Only when no insole has a force channel: loading needs every foot's force in newtons, so a
 * signal in arbitrary units for one insole would take the other's loading figures away. An
 * insole without its force beside one with it passes unchanged, and a warning says that it gives
 * no gait events. Needs, per foot, {@code <side>.insole.cell01_ncm2} … {@code cell16_ncm2} as
 * {@link MoticonReader} names them; a foot that lacks a cell passes unchanged. A row with a
 * missing cell gives a missing value. No allocation per row; not thread-safe.
 */
public final class MoticonCellForce extends FootColumnStage {
    private int[][] cellIndex;
    private final List<Side> feet = new ArrayList<>();
    /** Insoles with cells but no force beside one with its force: no contact signal for them. */
    private final List<Side> withoutForce = new ArrayList<>();
    private String source;

    /** @param downstream receives the rows with the cell-derived forces added */
    public MoticonCellForce(SampleSink downstream) {
        super(downstream);
    }

    /** The channel this stage adds for a foot: the area-weighted mean cell pressure, proportional to the force. */
    public static ChannelName channel(Side side) {
        return ChannelName.of(side, "insole", "force", "au");
    }

    @Override
    public void start(RecordingHeader header) {
        List<ChannelName> names = header.channels();
        List<int[]> cells = new ArrayList<>();
        List<ChannelName> added = new ArrayList<>();
        feet.clear();
        withoutForce.clear();
        boolean anyForce = names.stream().anyMatch(ChannelName::isInsoleForce);
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            int[] index = MoticonHeelForce.cellIndices(names, side);
            if (index == null || names.stream().anyMatch(n -> n.isInsoleForce() && n.side() == side)) {
                continue;
            }
            if (anyForce) {
                withoutForce.add(side);
                continue;
            }
            cells.add(index);
            feet.add(side);
            added.add(channel(side));
        }
        cellIndex = cells.toArray(new int[0][]);
        source = header.source();
        startDownstream(header, added);
    }

    /** The area-weighted mean pressure of foot {@code f}'s cells in {@code row}; NaN with a missing cell. */
    @Override
    float valueOf(int f, float[] row) {
        int[] cells = cellIndex[f];
        double weighted = 0;
        for (int c = 0; c < MoticonHeelForce.CELLS; c++) {
            weighted += Math.max(0, row[cells[c]]) * MoticonHeelForce.AREA_SHARE[c];
        }
        return (float) weighted;
    }

    /**
     * Passes the warnings on, with one naming the insoles whose contact signal comes from the
     * cells, or that have none.
     */
    @Override
    public void end(List<String> warnings) {
        if (feet.isEmpty() && withoutForce.isEmpty()) {
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
        if (!withoutForce.isEmpty()) {
            Side side = withoutForce.get(0);
            all.add(source + ": no " + forceNames(withoutForce) + " (in a Moticon export, the '" + side.label()
                    + " total force[N]' column) while the " + side.opposite().label() + " insole has its force: the "
                    + side.label() + " foot gives no gait events (export the total force of both insoles)");
        }
        endDownstream(all);
    }

    private static String forceNames(List<Side> sides) {
        return String.join(" and ", sides.stream()
                .map(s -> ChannelName.of(s, "insole", "force", "n").toString()).toList());
    }
}
