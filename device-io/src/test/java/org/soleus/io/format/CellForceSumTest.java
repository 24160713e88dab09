package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.io.CollectingSink;
import org.soleus.io.SampleData;

/** An insole of cells in newtons without its force gets their sum, in a stream and in a file. */
final class CellForceSumTest {

    private static CollectingSink stream(String... names) {
        CollectingSink out = new CollectingSink();
        CellForceSum sum = new CellForceSum(out);
        sum.start(new RecordingHeader("/dev/ttyX", 100, 0, List.of(names).stream().map(ChannelName::parse).toList(),
                RecordingMetadata.EMPTY));
        return out;
    }

    @Test
    void anInsoleOfCellsInNewtonsGetsTheirSumMissingWhereACellIs() {
        CollectingSink out = new CollectingSink();
        CellForceSum sum = new CellForceSum(out);
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
                + " (right.insole.cell01_n); a sum reads less than the foot's force where the cells do not cover the sole"),
                out.warnings);
    }

    @Test
    void aFootWithAForceOfAnyUnitOrCellsInOtherUnitsPassesUnchanged() {
        for (String[] names : new String[][] {
            {"left.insole.cell01_n", "left.insole.force_au"},
            {"left.insole.cell01_ncm2", "right.insole.cell01_counts"},
            {"none.insole.cell01_n", "left.shoe.cell01_n", "left.insole.heel_force_n"}}) {
            CollectingSink out = stream(names);
            assertEquals(List.of(names), out.header.channels().stream().map(ChannelName::toString).toList());
        }
    }

    /**
     * A gaitpdb walk saved as the toolkit's CSV with its 16 cells and without the dataset's total
     * force columns: the sums equal those columns (the dataset's totals are the sums of its
     * sensors), and the walk gives the same strides and loading as with them.
     */
    @Test
    void aWalkOfCellsAloneIsAnalysedAsWithItsTotals(@TempDir Path dir) throws IOException {
        Recording walk = Recordings.read(SampleData.of("physionet-gaitpdb", "GaCo01_01.txt"));
        List<Channel> cells = walk.channels().stream().filter(c -> CellForceSum.isCellInNewtons(c.name())).toList();
        assertEquals(16, cells.size());
        StringBuilder csv = new StringBuilder(String.format(Locale.ROOT, "# sample_rate_hz: %s%n# body_mass_kg: %s%n",
                walk.sampleRateHz(), walk.metadata().bodyMassKg()));
        csv.append(String.join(",", cells.stream().map(c -> c.name().toString()).toList())).append('\n');
        for (int i = 0; i < walk.length(); i++) {
            for (int c = 0; c < cells.size(); c++) {
                csv.append(c == 0 ? "" : ",").append(cells.get(c).samples()[i]);
            }
            csv.append('\n');
        }
        Path file = Files.writeString(dir.resolve("cells.csv"), csv, StandardCharsets.UTF_8);
        Recording cellsOnly = Recordings.read(file);
        for (String force : new String[] {"left.insole.force_n", "right.insole.force_n"}) {
            assertArrayEquals(walk.channel(force).samples(), cellsOnly.channel(force).samples(), 0.01f, force);
        }
        assertTrue(cellsOnly.warnings().stream().anyMatch(w -> w.startsWith(file + ": no insole force channel:")),
                cellsOnly.warnings().toString());

        GaitAnalysis withTotals = InsoleGaitAnalyzer.analyze(walk, GaitSettings.defaults());
        GaitAnalysis summed = InsoleGaitAnalyzer.analyze(cellsOnly, GaitSettings.defaults());
        assertTrue(withTotals.strides().size() > 20, "strides: " + withTotals.strides().size());
        assertEquals(withTotals.events(), summed.events());
        assertEquals(withTotals.strides().size(), summed.strides().size());
        for (int s = 0; s < withTotals.strides().size(); s++) {
            assertEquals(withTotals.strides().get(s).loading().peakForceN(),
                    summed.strides().get(s).loading().peakForceN(), 0.01, "stride " + s);
            assertEquals(withTotals.strides().get(s).loading().impulseNs(),
                    summed.strides().get(s).loading().impulseNs(), 0.01, "stride " + s);
        }
    }
}
