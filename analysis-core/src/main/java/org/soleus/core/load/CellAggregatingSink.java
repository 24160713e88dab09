package org.soleus.core.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;

/**
 * A {@link SampleSink} in front of another that replaces each insole's cell channels by their
 * summary ({@link CellAggregator}: {@link FootPressureChannels#heelForce heel force},
 * {@link FootPressureChannels#copX CoP x}, {@link FootPressureChannels#copY CoP y}), for a foot
 * whose cell layout is known and whose cells are all present as {@code <side>.insole.<cell>_n}.
 * Other channels pass through unchanged, in their order; the summaries follow them.
 *
 * <p>Used while reading, it keeps three channels per foot in memory instead of every cell (a
 * day-long recording of 2 × 8 cells at 100 Hz then needs about 100 MB instead of 550 MB). The
 * layouts stay in the metadata. Each row is summarised on its own, so
 * {@code CellAggregatingSink::new} is a {@link org.soleus.core.recording.RowTransform}: a large
 * file can be summarised in parts on several threads. No allocation per sample; not
 * thread-safe.
 */
public final class CellAggregatingSink implements SampleSink {
    private final SampleSink downstream;
    private int[] passThrough;
    private CellAggregator[] aggregators;
    private float[] out;

    /** @param downstream receives the summarised samples */
    public CellAggregatingSink(SampleSink downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    @Override
    public void start(RecordingHeader header) {
        List<ChannelName> names = header.channels();
        Set<Integer> cellIndices = new HashSet<>();
        List<CellAggregator> found = new ArrayList<>();
        List<ChannelName> summaries = new ArrayList<>();
        for (Side side : List.of(Side.LEFT, Side.RIGHT)) {
            InsoleLayout layout = header.metadata().layout(side);
            if (layout == null) {
                continue;
            }
            int[] rowIndex = new int[layout.cells().size()];
            boolean complete = true;
            for (int c = 0; c < rowIndex.length && complete; c++) {
                InsoleCell cell = layout.cells().get(c);
                rowIndex[c] = names.indexOf(FootPressureChannels.cell(side, cell.quantity()));
                complete = rowIndex[c] >= 0;
            }
            if (!complete) {
                continue;
            }
            for (int i : rowIndex) {
                cellIndices.add(i);
            }
            found.add(new CellAggregator(layout, rowIndex));
            summaries.add(FootPressureChannels.heelForce(side));
            summaries.add(FootPressureChannels.copX(side, layout.coordinateUnit()));
            summaries.add(FootPressureChannels.copY(side, layout.coordinateUnit()));
        }
        List<ChannelName> outNames = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!cellIndices.contains(i)) {
                kept.add(i);
                outNames.add(names.get(i));
            }
        }
        outNames.addAll(summaries);
        passThrough = kept.stream().mapToInt(Integer::intValue).toArray();
        aggregators = found.toArray(new CellAggregator[0]);
        out = new float[outNames.size()];
        downstream.start(header.withChannels(outNames));
    }

    @Override
    public void accept(float[] row) {
        int k = 0;
        for (int i : passThrough) {
            out[k++] = row[i];
        }
        for (CellAggregator a : aggregators) {
            a.aggregate(row, out, k);
            k += 3;
        }
        downstream.accept(out);
    }

    @Override
    public void end(List<String> warnings) {
        downstream.end(warnings);
    }
}
