package org.soleus.io.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;

/**
 * A {@link SampleSink} stage that turns the centre of pressure that Moticon's software writes for
 * an insole without one into a missing value: below 50 N of total force it writes 0, 0 (on every
 * row of the shipped exports, and only there), which read as a position would put the centre of
 * pressure in the middle of the insole. Needs {@code <side>.insole.cop_x_norm} and
 * {@code cop_y_norm} as {@link MoticonReader#copChannel} names them; other channels pass
 * unchanged. Columns exported in percent of the insole ({@code [%]}, −50…+50) are scaled to its
 * normalised −0.5…+0.5 here too. No allocation per row; not thread-safe.
 */
public final class MoticonCentreOfPressure implements SampleSink {
    private static final float PERCENT_PER_INSOLE = 100f;

    private final SampleSink downstream;
    private final Set<ChannelName> inPercent;
    private int[] across;
    private int[] along;
    private int[] percentColumns;
    private float[] out;

    /** @param downstream receives the rows with the unset centres of pressure missing */
    public MoticonCentreOfPressure(SampleSink downstream) {
        this(downstream, Set.of());
    }

    /**
     * @param downstream receives the rows with the unset centres of pressure missing
     * @param inPercent  the centre-of-pressure channels whose values are in percent of the insole
     */
    public MoticonCentreOfPressure(SampleSink downstream, Set<ChannelName> inPercent) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.inPercent = Set.copyOf(inPercent);
    }

    /**
     * The Moticon stages of a recording or stream: this one, then {@link MoticonCellForce}, then
     * {@link MoticonHeelForce}, then {@code next}.
     */
    public static SampleSink stages(SampleSink next) {
        return stages(next, Set.of());
    }

    /** {@link #stages(SampleSink)} for an export whose centre-of-pressure channels {@code inPercent} are in percent. */
    static SampleSink stages(SampleSink next, Set<ChannelName> inPercent) {
        return new MoticonCentreOfPressure(MoticonCellForce.withHeelForce(next), inPercent);
    }

    @Override
    public void start(RecordingHeader header) {
        List<ChannelName> names = header.channels();
        List<Integer> acrossIndex = new ArrayList<>();
        List<Integer> alongIndex = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            int acrossTheFoot = names.indexOf(MoticonReader.copChannel(side, "y"));
            int alongTheFoot = names.indexOf(MoticonReader.copChannel(side, "x"));
            if (acrossTheFoot >= 0 && alongTheFoot >= 0) {
                acrossIndex.add(acrossTheFoot);
                alongIndex.add(alongTheFoot);
            }
        }
        across = acrossIndex.stream().mapToInt(Integer::intValue).toArray();
        along = alongIndex.stream().mapToInt(Integer::intValue).toArray();
        percentColumns = inPercent.stream().mapToInt(names::indexOf).filter(c -> c >= 0).toArray();
        out = new float[names.size()];
        downstream.start(header);
    }

    @Override
    public void accept(float[] row) {
        if (across.length == 0 && percentColumns.length == 0) {
            downstream.accept(row);
            return;
        }
        System.arraycopy(row, 0, out, 0, out.length);
        for (int c : percentColumns) {
            out[c] /= PERCENT_PER_INSOLE;
        }
        for (int f = 0; f < across.length; f++) {
            if (out[across[f]] == 0 && out[along[f]] == 0) {
                out[across[f]] = Float.NaN;
                out[along[f]] = Float.NaN;
            }
        }
        downstream.accept(out);
    }

    @Override
    public void end(List<String> warnings) {
        downstream.end(warnings);
    }
}
