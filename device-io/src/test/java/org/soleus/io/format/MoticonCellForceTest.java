package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;
import org.soleus.io.CollectingSink;
import org.soleus.io.MoticonExports;
import org.soleus.io.SampleData;

final class MoticonCellForceTest {
    private static final Path DATA = SampleData.of("moticon-opengo");
    private static final ReadOptions MASS = new ReadOptions(null, Double.NaN, 70.0);

    /**
     * An export without its total-force columns gets, per insole, the cells' area-weighted
     * pressure, which the same export's total force is a constant multiple of (the sensing area):
     * every loaded row of both insoles within 1 % of the median ratio.
     */
    @ParameterizedTest
    @ValueSource(strings = {"230927_102114.txt", "230927_102231.txt"})
    void theCellForceIsTheTotalForceOverOneArea(String file, @TempDir Path dir) throws IOException {
        Recording withForce = Recordings.read(DATA.resolve(file), MASS);
        Recording cellsOnly = Recordings.read(MoticonExports.withoutColumns(DATA.resolve(file), dir.resolve(file), "total force"),
                MASS);
        assertTrue(cellsOnly.find("left.insole.force_n").isEmpty() && cellsOnly.find("right.insole.heel_force_n").isEmpty(),
                cellsOnly.channelNames().toString());
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            float[] forceN = withForce.channel(side.label() + ".insole.force_n").samples();
            float[] cells = cellsOnly.channel(MoticonCellForce.channel(side).toString()).samples();
            assertEquals(forceN.length, cells.length);
            double[] ratios = new double[forceN.length];
            int loaded = 0;
            for (int i = 0; i < forceN.length; i++) {
                assertEquals(Float.isNaN(forceN[i]), Float.isNaN(cells[i]), file + " " + side + " row " + i + ": missing alike");
                if (forceN[i] > 100) {
                    ratios[loaded++] = forceN[i] / cells[i];
                }
            }
            double[] sorted = Arrays.copyOf(ratios, loaded);
            Arrays.sort(sorted);
            double median = sorted[loaded / 2];
            assertTrue(loaded > 200, file + " " + side + ": " + loaded + " loaded rows");
            assertTrue(median > 50 && median < 300, file + " " + side + ": sensing area " + median + " cm²");
            assertTrue(sorted[0] > 0.99 * median && sorted[loaded - 1] < 1.01 * median,
                    file + " " + side + ": ratio " + sorted[0] + "–" + sorted[loaded - 1] + " around " + median);
        }
        assertTrue(cellsOnly.warnings().stream().anyMatch(w -> w.contains(": no insole force (left.insole.force_n and"
                + " right.insole.force_n; in a Moticon export, the 'total force' columns): the gait events come from the"
                + " area-weighted mean of the 16 cell pressures (left.insole.force_au and right.insole.force_au,"
                + " proportional to the force)")), cellsOnly.warnings().toString());
        assertTrue(withForce.find("left.insole.force_au").isEmpty(), "an export with its total force is read as it is");
    }

    @Test
    void aRowIsTheAreaWeightedPressureWithOffsetsAsZeroAndAMissingCellMissing() {
        List<ChannelName> names = cells(Side.RIGHT);
        float[] row = new float[names.size()];
        row[0] = 10;
        row[13] = 4;
        row[5] = -2;
        float[] missingCell = row.clone();
        missingCell[7] = Float.NaN;
        CollectingSink out = through(export(names), List.of(), row, missingCell);

        List<ChannelName> expected = new ArrayList<>(names);
        expected.add(ChannelName.parse("right.insole.force_au"));
        assertEquals(expected, out.header.channels());
        assertEquals(10 * MoticonHeelForce.AREA_SHARE[0] + 4 * MoticonHeelForce.AREA_SHARE[13], out.rows.get(0)[16], 1e-5);
        assertTrue(Float.isNaN(out.rows.get(1)[16]));
        assertEquals(List.of("export.txt: no insole force (right.insole.force_n; in a Moticon export, the 'total force'"
                + " columns): the gait events come from the area-weighted mean of the 16 cell pressures"
                + " (right.insole.force_au, proportional to the force)"), out.warnings);
    }

    /** A foot with a force channel of any unit, or without all 16 cells, passes unchanged. */
    @Test
    void aFootWithAForceOrWithoutEveryCellPassesUnchanged() {
        List<ChannelName> names = cells(Side.LEFT);
        names.add(ChannelName.parse("left.insole.force_n"));
        List<ChannelName> partial = cells(Side.RIGHT).subList(0, 15);
        names.addAll(partial);
        RecordingHeader header = export(names);
        float[] row = new float[names.size()];
        row[2] = 7;
        CollectingSink out = through(header, List.of("earlier"), row);
        assertSame(header, out.header);
        assertArrayEquals(row, out.rows.get(0));
        assertEquals(List.of("earlier"), out.warnings);
    }

    /**
     * An export without the left insole's total force only: the left insole's force in newtons is
     * its mean cell pressure times the sensing area that the right insole's force and cells give.
     * It matches the left total force that the export had (every row of 100 N or more within 1.5 %),
     * and both feet keep their strides and loading.
     */
    @Test
    void anInsoleWithoutItsForceBesideOneWithItTakesTheOthersSensingArea(@TempDir Path dir) throws IOException {
        String file = "230927_102114.txt";
        Recording original = Recordings.read(DATA.resolve(file), MASS);
        Recording oneSided = Recordings.read(MoticonExports.withoutColumns(DATA.resolve(file), dir.resolve(file),
                "left total force"), MASS);
        assertTrue(oneSided.find("left.insole.force_au").isEmpty(), oneSided.channelNames().toString());
        float[] truth = original.channel("left.insole.force_n").samples();
        float[] derived = oneSided.channel("left.insole.force_n").samples();
        int compared = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] >= 100 && !Float.isNaN(derived[i])) {
                assertEquals(truth[i], derived[i], 0.015 * truth[i], "row " + i);
                compared++;
            }
        }
        assertTrue(compared > 200, compared + " rows compared");
        assertTrue(oneSided.warnings().stream().anyMatch(w -> w.matches(".*: no left\\.insole\\.force_n \\(in a Moticon export,"
                + " the 'left total force\\[N\\]' column\\): it is the left insole's area-weighted mean cell pressure times"
                + " the sensing area of 2\\d\\d\\.\\d cm² that the right insole's force and cells give .*")),
                oneSided.warnings().toString());

        GaitAnalysis analysis = InsoleGaitAnalyzer.analyze(oneSided, GaitSettings.defaults());
        GaitAnalysis both = InsoleGaitAnalyzer.analyze(original, GaitSettings.defaults());
        assertTrue(analysis.forceInNewtons());
        assertEquals(both.strides().size(), analysis.strides().size());
        for (int s = 0; s < both.strides().size(); s++) {
            StrideResult expected = both.strides().get(s);
            StrideResult actual = analysis.strides().get(s);
            assertEquals(expected.stride().startS(), actual.stride().startS(), 0.011, "stride " + s + " start");
            assertEquals(expected.loading().peakForceN(), actual.loading().peakForceN(),
                    0.02 * expected.loading().peakForceN(), "stride " + s + " peak force");
        }
    }

    /**
     * A one-sided export whose other insole never carries {@value MoticonCellForce#MIN_AREA_FORCE_N}
     * N gives no sensing area: the force is missing throughout, and the warning says why.
     */
    @Test
    void withoutALoadedRowOfTheOtherInsoleTheForceStaysMissing() {
        List<ChannelName> names = cells(Side.LEFT);
        names.addAll(cells(Side.RIGHT));
        names.add(ChannelName.parse("right.insole.force_n"));
        float[] row = new float[names.size()];
        row[0] = 20;
        row[16] = 0.3f;
        row[32] = 99;
        float[] loaded = row.clone();
        loaded[32] = 100;
        CollectingSink out = through(export(names), List.of(), row, loaded);
        assertEquals(ChannelName.parse("left.insole.force_n"), out.header.channels().get(33));
        assertTrue(Float.isNaN(out.rows.get(0)[33]), "no area before a row of 100 N");
        double areaCm2 = 100 / (0.3 * MoticonHeelForce.AREA_SHARE[0]);
        assertEquals(20 * MoticonHeelForce.AREA_SHARE[0] * areaCm2, out.rows.get(1)[33], 1e-3);

        row[32] = 50;
        CollectingSink unloaded = through(export(names), List.of(), row);
        assertTrue(Float.isNaN(unloaded.rows.get(0)[33]));
        assertEquals(List.of("export.txt: no left.insole.force_n (in a Moticon export, the 'left total force[N]' column):"
                + " the right insole never carried 100 N, so the sensing area that would turn the left insole's cell"
                + " pressures into its force is unknown and the left foot gives no gait events"), unloaded.warnings);
    }

    private static RecordingHeader export(List<ChannelName> names) {
        return new RecordingHeader("export.txt", 100, 0, names, RecordingMetadata.EMPTY);
    }

    /** What a new stage passes on for {@code rows} of a stream with {@code header}, ended with {@code warnings}. */
    private static CollectingSink through(RecordingHeader header, List<String> warnings, float[]... rows) {
        CollectingSink out = new CollectingSink();
        MoticonCellForce stage = new MoticonCellForce(out);
        stage.start(header);
        for (float[] row : rows) {
            stage.accept(row);
        }
        stage.end(warnings);
        return out;
    }

    private static List<ChannelName> cells(Side side) {
        List<ChannelName> names = new ArrayList<>();
        for (int c = 1; c <= MoticonHeelForce.CELLS; c++) {
            names.add(ChannelName.parse(String.format("%s.insole.cell%02d_ncm2", side.label(), c)));
        }
        return names;
    }
}
