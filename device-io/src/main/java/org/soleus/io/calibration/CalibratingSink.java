package org.soleus.io.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.RowTransform;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.text.Counted;
import org.soleus.core.recording.Side;
import org.soleus.core.recording.StreamTally;
import org.soleus.io.format.CellForceSum;

/**
 * A {@link SampleSink} in front of another that converts raw cell readings to newtons with a
 * {@link Calibration}: each calibrated channel {@code <name>_counts} becomes {@code <name>_n}
 * in its place ({@link CellCalibration#forceN}: missing stays NaN, at or below the zero offset
 * is 0 N), and a foot whose stream has no {@code <side>.insole.force_<unit>} channel gets
 * {@code <side>.insole.force_n}, the sum of its calibrated {@code <side>.insole.cell*} channels
 * and of those it sends in newtons already (NaN when one of them is), after the other channels. Other channels pass through unchanged.
 * The header's metadata gains the properties {@code calibration_file},
 * {@code calibration_device} and {@code calibration_date}.
 *
 * <p>The calibration must match the stream: {@link #start} fails, naming the calibration and the
 * channel, when the stream carries a raw insole channel ({@code <side>.insole.*_counts}) the
 * calibration lacks, or the calibration names a channel the stream does not carry.
 *
 * <p>Readings above a cell's fit range are converted all the same and counted; {@link #end}
 * adds one warning per such cell ({@link #rangeWarnings()}). Each row is converted on its own,
 * so the stage is a {@link RowTransform} ({@link #inFrontOf}), whose sinks for one stream count
 * into one {@link StreamTally}: a file read in parts is told the samples of every part. No
 * allocation per sample; not thread-safe.
 */
public final class CalibratingSink implements SampleSink {
    private final Calibration calibration;
    private final String calibrationName;
    private final SampleSink downstream;
    private final StreamTally tally;

    /** The stream's source, which the warnings at its end name. */
    private String source;
    private CellCalibration[] cells;
    /** Each cell's largest reading fitted as a sample holds it (a float): a sample at it is within the range. */
    private float[] fitMaxCounts;
    private int[] cellIndex;
    private long[] aboveRange;
    private int[][] footCells;
    private int width;
    private float[] out;

    /**
     * A sink for one stream that reaches it whole, such as a live one; for the sinks of a
     * {@link RowTransform}, which may each see a part of a stream, see {@link #inFrontOf}.
     *
     * @param calibration     the cells' calibrations
     * @param calibrationName where the calibration comes from (its file), for messages and
     *                        the {@code calibration_file} property
     * @param downstream      receives the converted samples
     */
    public static CalibratingSink ofWholeStream(Calibration calibration, String calibrationName, SampleSink downstream) {
        return new CalibratingSink(calibration, calibrationName, downstream, new StreamTally());
    }

    private CalibratingSink(Calibration calibration, String calibrationName, SampleSink downstream, StreamTally tally) {
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        this.calibrationName = Objects.requireNonNull(calibrationName, "calibrationName");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.tally = tally;
    }

    /**
     * This stage in front of {@code next}'s sinks. For each stream ({@link RowTransform#forOneStream})
     * its sinks, the whole stream's and those of its parts, add the samples they found above a
     * cell's range to one tally, which the warnings at the end of the whole stream report.
     *
     * @param calibration     the cells' calibrations
     * @param calibrationName where the calibration comes from, as for {@link #ofWholeStream}
     * @param next            the transform the converted samples go on to
     */
    public static RowTransform inFrontOf(Calibration calibration, String calibrationName, RowTransform next) {
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(calibrationName, "calibrationName");
        return RowTransform.tallied((downstream, tally) -> new CalibratingSink(calibration, calibrationName, downstream,
                tally), next);
    }

    /**
     * @throws IllegalArgumentException naming the calibration and the channel when they do not
     *                                  match the stream
     */
    @Override
    public void start(RecordingHeader header) {
        source = header.source();
        List<ChannelName> names = header.channels();
        for (ChannelName name : names) {
            if (isRawInsole(name) && calibration.cell(name) == null) {
                throw new IllegalArgumentException(calibrationName + ": no calibration for " + name + ", which "
                        + header.source() + " carries; calibrate it with soleus calibrate --cell " + name);
            }
        }
        List<ChannelName> outNames = new ArrayList<>(names);
        cells = calibration.cells().toArray(new CellCalibration[0]);
        cellIndex = new int[cells.length];
        fitMaxCounts = new float[cells.length];
        for (int c = 0; c < cells.length; c++) {
            fitMaxCounts[c] = (float) cells[c].fitMaxCounts();
            int i = header.indexOf(cells[c].channel());
            if (i < 0) {
                throw new IllegalArgumentException(calibrationName + ": calibrates " + cells[c].channel() + ", which "
                        + header.source() + " does not carry: is the calibration of another device?");
            }
            ChannelName renamed = cells[c].calibratedChannel();
            if (names.contains(renamed)) {
                throw new IllegalArgumentException(calibrationName + ": " + header.source() + " carries " + renamed
                        + " already, besides " + cells[c].channel());
            }
            cellIndex[c] = i;
            outNames.set(i, renamed);
        }
        width = names.size();
        List<int[]> sums = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            if (hasForce(outNames, side)) {
                continue;
            }
            List<Integer> foot = new ArrayList<>();
            for (int c = 0; c < cells.length; c++) {
                ChannelName raw = cells[c].channel();
                if (raw.side() == side && raw.place().equals("insole") && raw.quantity().startsWith("cell")) {
                    foot.add(cellIndex[c]);
                }
            }
            if (!foot.isEmpty()) {
                // the foot's cells already in newtons count too: the insole's force is all of its cells
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).side() == side && CellForceSum.isCellInNewtons(names.get(i))) {
                        foot.add(i);
                    }
                }
                sums.add(foot.stream().mapToInt(Integer::intValue).toArray());
                outNames.add(ChannelName.of(side, "insole", "force", "n"));
            }
        }
        footCells = sums.toArray(new int[0][]);
        aboveRange = new long[cells.length];
        out = new float[outNames.size()];
        RecordingMetadata metadata = header.metadata()
                .withProperty("calibration_file", calibrationName)
                .withProperty("calibration_device", calibration.device())
                .withProperty("calibration_date", calibration.date().toString());
        downstream.start(new RecordingHeader(header.source(), header.sampleRateHz(), header.startTimeS(), outNames,
                metadata));
    }

    @Override
    public void accept(float[] row) {
        System.arraycopy(row, 0, out, 0, width);
        for (int c = 0; c < cells.length; c++) {
            float counts = row[cellIndex[c]];
            if (counts > fitMaxCounts[c]) {
                aboveRange[c]++;
            }
            out[cellIndex[c]] = (float) cells[c].forceN(counts);
        }
        for (int f = 0; f < footCells.length; f++) {
            double sum = 0;
            for (int i : footCells[f]) {
                sum += out[i];
            }
            out[width + f] = (float) sum;
        }
        downstream.accept(out);
    }

    /**
     * Adds this sink's counts to the tally, then passes the warnings on, with one line (naming the
     * source) per cell read above its fit range in the stream so far.
     */
    @Override
    public void end(List<String> warnings) {
        List<String> range = rangeWarnings(aboveRange == null ? null : tally.add(aboveRange));
        if (range.isEmpty()) {
            downstream.end(warnings);
            return;
        }
        List<String> all = new ArrayList<>(warnings);
        for (String line : range) {
            all.add(source + ": " + line);
        }
        downstream.end(all);
    }

    /**
     * One line per cell with readings above its fit range so far, counted by this sink alone (the
     * whole stream's for one made by {@link #ofWholeStream}), e.g.
     * {@code left.insole.cell03_counts: 12 samples above the calibrated range (fit up to 767.5
     * counts), converted by extrapolating the fit}; empty when there were none or before
     * {@link #start}.
     */
    public List<String> rangeWarnings() {
        return rangeWarnings(aboveRange);
    }

    /** {@link #rangeWarnings()} for the counts {@code above} per cell, or none when null. */
    private List<String> rangeWarnings(long[] above) {
        List<String> lines = new ArrayList<>();
        for (int c = 0; above != null && c < cells.length; c++) {
            if (above[c] > 0) {
                lines.add(String.format(Locale.ROOT, "%s: %s above the calibrated range (fit up to %.1f counts) of"
                        + " %s, converted by extrapolating the fit", cells[c].channel(), Counted.of(above[c], "sample"),
                        cells[c].fitMaxCounts(), calibrationName));
            }
        }
        return lines;
    }

    private static boolean isRawInsole(ChannelName name) {
        return name.side() != Side.NONE && name.place().equals("insole") && name.unit().equals(CellCalibration.COUNTS);
    }

    private static boolean hasForce(List<ChannelName> names, Side side) {
        for (ChannelName n : names) {
            if (n.side() == side && n.place().equals("insole") && n.quantity().equals("force")) {
                return true;
            }
        }
        return false;
    }
}
