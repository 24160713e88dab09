package org.soleus.io.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;

/**
 * A {@link SampleSink} stage that gives a Moticon OpenGo insole exported without its total force
 * (the export's columns are chosen in the vendor software) a contact signal from its 16 cell
 * pressures: {@code <side>.insole.force_au}, the cells' area-weighted mean pressure in N/cm²
 * ({@link MoticonHeelForce#AREA_SHARE}; a negative pressure, an offset, counts as 0).
 *
 * <p>The software's total force is the same pressures times the cells' areas, so this signal is
 * the total force divided by the insole's sensing area: proportional to it, with a factor that
 * depends on the insole's size, which the export does not give in a usable form. It is therefore
 * named in arbitrary units, like the footswitch signals of other datasets: the gait events come
 * from it as from the total force, while loading figures, which need newtons, are not given.
 * Without it such an insole's events would come from its accelerometer and gyroscope, whose
 * contact timing is several times less accurate.
 *
 * <p>Needs, per foot, {@code <side>.insole.cell01_ncm2} … {@code cell16_ncm2} as
 * {@link MoticonReader} names them; a foot that has an insole force channel, or lacks a cell,
 * passes unchanged. A row with a missing cell gives a missing value. A warning at the end names
 * each foot so treated. No allocation per row; not thread-safe.
 */
public final class MoticonCellForce implements SampleSink {
    private final SampleSink downstream;
    private int[][] cellIndex;
    private final List<Side> feet = new ArrayList<>();
    private String source;
    private float[] out;
    private int width;

    /** @param downstream receives the rows with the cell-derived forces added */
    public MoticonCellForce(SampleSink downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** The channel this stage adds for a foot: the area-weighted mean cell pressure, proportional to the force. */
    public static ChannelName channel(Side side) {
        return ChannelName.of(side, "insole", "force", "au");
    }

    @Override
    public void start(RecordingHeader header) {
        List<ChannelName> names = header.channels();
        List<int[]> cells = new ArrayList<>();
        List<ChannelName> outNames = new ArrayList<>(names);
        feet.clear();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            if (hasForce(names, side)) {
                continue;
            }
            int[] index = MoticonHeelForce.cellIndices(names, side);
            if (index != null) {
                cells.add(index);
                feet.add(side);
                outNames.add(channel(side));
            }
        }
        cellIndex = cells.toArray(new int[0][]);
        source = header.source();
        width = names.size();
        out = new float[outNames.size()];
        downstream.start(cellIndex.length == 0 ? header : new RecordingHeader(header.source(), header.sampleRateHz(),
                header.startTimeS(), outNames, header.metadata()));
    }

    private static boolean hasForce(List<ChannelName> names, Side side) {
        for (ChannelName name : names) {
            if (name.side() == side && name.place().equals("insole") && name.quantity().equals("force")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void accept(float[] row) {
        if (cellIndex.length == 0) {
            downstream.accept(row);
            return;
        }
        System.arraycopy(row, 0, out, 0, width);
        for (int f = 0; f < cellIndex.length; f++) {
            int[] cells = cellIndex[f];
            double weighted = 0;
            for (int c = 0; c < MoticonHeelForce.CELLS; c++) {
                weighted += Math.max(0, row[cells[c]]) * MoticonHeelForce.AREA_SHARE[c];
            }
            out[width + f] = (float) weighted;
        }
        downstream.accept(out);
    }

    /** Passes the warnings on, with one naming the feet whose contact signal comes from the cells. */
    @Override
    public void end(List<String> warnings) {
        if (feet.isEmpty()) {
            downstream.end(warnings);
            return;
        }
        List<String> all = new ArrayList<>(warnings);
        List<String> labels = feet.stream().map(Side::label).toList();
        String channels = String.join(" and ", feet.stream().map(s -> channel(s).toString()).toList());
        String columns = String.join(" and ", labels.stream().map(l -> "'" + l + " total force[N]'").toList());
        all.add(source + ": no " + columns + " column: the gait events come from the area-weighted sum of the 16 cell"
                + " pressures (" + channels + ", proportional to the force; export the total force too for loading"
                + " figures in newtons)");
        downstream.end(all);
    }
}
