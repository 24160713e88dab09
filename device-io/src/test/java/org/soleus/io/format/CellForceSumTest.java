package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.RowTransform;
import org.soleus.io.CollectingSink;
import org.soleus.io.SampleData;

/** An insole of cells in newtons without its force gets their sum, in a stream and in a file. */
final class CellForceSumTest {

    private static CollectingSink stream(String... names) {
        CollectingSink out = new CollectingSink();
        CellForceSum sum = CellForceSum.ofWholeStream(out);
        sum.start(new RecordingHeader("/dev/ttyX", 100, 0, List.of(names).stream().map(ChannelName::parse).toList(),
                RecordingMetadata.EMPTY));
        return out;
    }

    @Test
    void anInsoleOfCellsInNewtonsGetsTheirSumMissingWhereACellIs() {
        CollectingSink out = new CollectingSink();
        CellForceSum sum = CellForceSum.ofWholeStream(out);
        sum.start(new RecordingHeader("/dev/ttyX", 100, 0, List.of(ChannelName.parse("left.insole.cell01_n"),
                ChannelName.parse("right.shank.gyr_x_dps"), ChannelName.parse("left.insole.cell02_n"),
                ChannelName.parse("right.insole.cell01_n")), RecordingMetadata.EMPTY));
        assertEquals(List.of("left.insole.cell01_n", "right.shank.gyr_x_dps", "left.insole.cell02_n",
                "right.insole.cell01_n", "left.insole.force_n", "right.insole.force_n"),
                out.header.channels().stream().map(ChannelName::toString).toList());
        sum.accept(new float[] {120.5f, 3, 79.5f, 0});
        sum.accept(new float[] {Float.NaN, 3, 10, 4});
        sum.end(List.of("earlier"));
        assertArrayEquals(new float[] {120.5f, 3, 79.5f, 0, 200, 0}, out.rows.get(0));
        assertArrayEquals(new float[] {Float.NaN, 3, 10, 4, Float.NaN, 4}, out.rows.get(1));
        assertEquals(List.of("earlier", "/dev/ttyX: no insole force channel: left.insole.force_n is the sum of its 2 cells"
                + " (left.insole.cell01_n … left.insole.cell02_n), right.insole.force_n the sum of its 1 cell"
                + " (right.insole.cell01_n); a sum reads less than the foot's force where the cells do not cover the sole;"
                + " left.insole.force_n is missing in 1 of the 2 rows with its cells, for want of one of them"), out.warnings);
    }

    @Test
    void aFootWithAForceOfAnyUnitOrCellsInOtherUnitsPassesUnchanged() {
        for (String[] names : new String[][] {
            {"left.insole.cell01_n", "left.insole.force_au"},
            {"left.insole.cell01_ncm2", "right.insole.cell01_counts"},
            {"none.insole.cell01_n", "left.shoe.cell01_n", "left.insole.heel_force_n"},
            // raw counts beside it: the calibration converts them and adds the sum of the cells
            {"left.insole.cell01_n", "left.insole.cell02_counts"}}) {
            CollectingSink out = stream(names);
            assertEquals(List.of(names), out.header.channels().stream().map(ChannelName::toString).toList());
        }
    }

    /**
     * Raw counts of a channel that is no cell (a calibration converts it, but adds no sum for it)
     * do not keep the insole's cells in newtons from their sum, before a calibration or after it.
     */
    @Test
    void countsOfAnotherChannelDoNotKeepTheCellsFromTheirSum() {
        CollectingSink out = stream("left.insole.cell01_n", "left.insole.toe_counts", "left.insole.cell02_n");
        assertEquals(List.of("left.insole.cell01_n", "left.insole.toe_counts", "left.insole.cell02_n",
                "left.insole.force_n"), out.header.channels().stream().map(ChannelName::toString).toList());
    }

    /** A cell without any sample leaves its insole without force, and the warning names it. */
    @Test
    void aCellWithoutSamplesIsNamedWithTheRowsItLeftWithoutForce() {
        CollectingSink out = new CollectingSink();
        CellForceSum sum = CellForceSum.ofWholeStream(out);
        sum.start(new RecordingHeader("/dev/ttyX", 100, 0, List.of(ChannelName.parse("left.insole.cell01_n"),
                ChannelName.parse("left.insole.cell02_n"), ChannelName.parse("right.insole.cell01_n")),
                RecordingMetadata.EMPTY));
        sum.accept(new float[] {1, Float.NaN, 3});
        sum.accept(new float[] {1, Float.NaN, Float.NaN});
        sum.accept(new float[] {Float.NaN, Float.NaN, Float.NaN}); // a lost frame: no cell's fault
        sum.accept(new float[] {1, Float.NaN, 4});
        sum.end(List.of());
        assertEquals(List.of("/dev/ttyX: no insole force channel: left.insole.force_n is the sum of its 2 cells"
                + " (left.insole.cell01_n … left.insole.cell02_n), right.insole.force_n the sum of its 1 cell"
                + " (right.insole.cell01_n); a sum reads less than the foot's force where the cells do not cover the sole;"
                + " left.insole.force_n is missing in 3 of the 3 rows with its cells, for want of one of them"
                + " (left.insole.cell02_n has no sample)"), out.warnings);
    }

    /**
     * A gaitpdb walk saved as the toolkit's CSV with its 16 cells and without the dataset's total
     * force columns, read as the analysis reads it: the sums equal those columns (the dataset's
     * totals are the sums of its sensors).
     */
    @Test
    void aWalkOfCellsAloneGetsItsTotalsBack(@TempDir Path dir) throws IOException {
        Recording walk = Recordings.read(SampleData.of("physionet-gaitpdb", "GaCo01_01.txt"));
        List<Channel> cells = walk.channels().stream().filter(c -> CellForceSum.isCellInNewtons(c.name())).toList();
        assertEquals(16, cells.size());
        Path file = dir.resolve("cells.csv");
        RecordingWriter.write(new Recording("walk", walk.sampleRateHz(), 0, cells, walk.metadata(), List.of()), file,
                RecordingWriter.Options.DEFAULTS);
        assertEquals(cells.size(), Recordings.read(file).channels().size(), "the file as written");
        Recording cellsOnly = Recordings.read(file, ReadOptions.DEFAULTS, CellForceSum.inFrontOf(RowTransform.identity()));
        for (String force : new String[] {"left.insole.force_n", "right.insole.force_n"}) {
            assertArrayEquals(walk.channel(force).samples(), cellsOnly.channel(force).samples(), 0.01f, force);
        }
        assertTrue(cellsOnly.warnings().stream().anyMatch(w -> w.startsWith(file + ": no insole force channel:")),
                cellsOnly.warnings().toString());
    }
}
