package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.load.FootPressureChannels;
import org.soleus.core.recording.Channel;
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
     * An export with one insole's total force only: the other insole's force in newtons is its
     * mean cell pressure times the sensing area that the first insole's force and cells give.
     * It matches the total force that the export had: missing in the same rows, and within 1.5 %
     * in every row of 100 N or more, the first rows too (they wait for the first loaded row of the
     * other insole). Both feet keep their strides and loading.
     */
    @ParameterizedTest
    @CsvSource({"230927_102114.txt,left", "230927_102114.txt,right", "230927_102231.txt,left", "230927_102231.txt,right"})
    void anInsoleWithoutItsForceBesideOneWithItTakesTheOthersSensingArea(String file, String side, @TempDir Path dir)
            throws IOException {
        Recording original = Recordings.read(DATA.resolve(file), MASS);
        Recording oneSided = Recordings.read(MoticonExports.withoutColumns(DATA.resolve(file), dir.resolve(file),
                side + " total force"), MASS);
        String context = file + " without the " + side + " total force";
        assertTrue(oneSided.find(side + ".insole.force_au").isEmpty(), oneSided.channelNames().toString());
        float[] truth = original.channel(side + ".insole.force_n").samples();
        float[] derived = oneSided.channel(side + ".insole.force_n").samples();
        int compared = 0;
        for (int i = 0; i < truth.length; i++) {
            assertEquals(Float.isNaN(truth[i]), Float.isNaN(derived[i]), context + " row " + i + ": missing alike");
            if (truth[i] >= 100) {
                assertEquals(truth[i], derived[i], 0.015 * truth[i], context + " row " + i);
                compared++;
            }
        }
        assertTrue(compared > 200, context + ": " + compared + " rows compared");
        String other = side.equals("left") ? "right" : "left";
        assertTrue(oneSided.warnings().stream().anyMatch(w -> w.matches(".*: no '" + side + " total force\\[N\\]' column: "
                + side + "\\.insole\\.force_n is the " + side + " insole's area-weighted mean cell pressure times the sensing"
                + " area of 2\\d\\d\\.\\d cm² that the " + other + " insole's force and cells give \\(the mean over \\d+ rows"
                + " of 100 N or more; a pair of insoles has the same size\\)")), oneSided.warnings().toString());

        GaitAnalysis analysis = InsoleGaitAnalyzer.analyze(oneSided, GaitSettings.defaults());
        GaitAnalysis both = InsoleGaitAnalyzer.analyze(original, GaitSettings.defaults());
        assertTrue(analysis.forceInNewtons());
        assertEquals(both.strides().size(), analysis.strides().size(), context);
        for (int s = 0; s < both.strides().size(); s++) {
            StrideResult expected = both.strides().get(s);
            StrideResult actual = analysis.strides().get(s);
            assertEquals(expected.stride().startS(), actual.stride().startS(), 0.011, context + " stride " + s + " start");
            assertEquals(expected.loading().peakForceN(), actual.loading().peakForceN(),
                    0.02 * expected.loading().peakForceN(), context + " stride " + s + " peak force");
        }
    }

    /**
     * A file in the toolkit's format that holds an export's cells and one insole's force, as a
     * hand-made file may (those that {@code soleus record} writes hold the derived channels
     * already), is read as the export without that force is: the other insole's force and both
     * heel forces come from the cells, sample for sample, and the strides are the same.
     */
    @Test
    void aToolkitCsvHoldingTheCellsGetsTheForcesTheExportGets(@TempDir Path dir) throws IOException {
        String file = "230927_102114.txt";
        Recording export = Recordings.read(DATA.resolve(file), MASS);
        Recording oneSided = Recordings.read(MoticonExports.withoutColumns(DATA.resolve(file), dir.resolve(file),
                "right total force"), MASS);
        List<Channel> kept = export.channels().stream().filter(c -> !c.name().toString().equals("right.insole.force_n")
                && !c.name().equals(FootPressureChannels.heelForce(c.name().side()))).toList();
        Path csv = dir.resolve("cells.csv");
        RecordingWriter.write(new Recording(export.source(), export.sampleRateHz(), export.startTimeS(), kept,
                export.metadata(), List.of()), csv, RecordingWriter.Options.DEFAULTS);

        Recording toolkit = Recordings.read(csv, MASS);
        for (String derived : List.of("right.insole.force_n", "left.insole.heel_force_n", "right.insole.heel_force_n")) {
            assertArrayEquals(oneSided.channel(derived).samples(), toolkit.channel(derived).samples(), 1e-3f, derived);
        }
        GaitAnalysis expected = InsoleGaitAnalyzer.analyze(oneSided, GaitSettings.defaults());
        GaitAnalysis actual = InsoleGaitAnalyzer.analyze(toolkit, GaitSettings.defaults());
        assertTrue(actual.forceInNewtons());
        assertEquals(expected.strides(), actual.strides());
    }

    /**
     * A toolkit CSV's centre of pressure at 0, 0 is a position, not Moticon's mark of an unloaded
     * insole: read as written.
     */
    @Test
    void aToolkitCsvsCentreOfPressureAtTheMiddleIsReadAsWritten(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("cop.csv"), "# sample_rate_hz: 100\n"
                + "left.insole.force_n,left.insole.cop_x_norm,left.insole.cop_y_norm\n500,0,0\n520,0,0.1\n");
        Recording r = Recordings.read(csv, MASS);
        assertArrayEquals(new float[] {0, 0}, r.channel("left.insole.cop_x_norm").samples());
        assertArrayEquals(new float[] {0, 0.1f}, r.channel("left.insole.cop_y_norm").samples());
    }

    /**
     * A one-sided stream: the rows before the other insole first carries
     * {@value MoticonCellForce#MIN_AREA_FORCE_N} N are held back and get the area of that row; one
     * whose other insole never does has no sensing area: the force is missing throughout, and the
     * warning says why.
     */
    @Test
    void withoutALoadedRowOfTheOtherInsoleTheForceStaysMissing() {
        List<ChannelName> names = oneSided();
        float[] row = oneSidedRow(99);
        float[] loaded = oneSidedRow(100);
        CollectingSink out = through(export(names), List.of(), row, loaded);
        assertEquals(ChannelName.parse("left.insole.force_n"), out.header.channels().get(33));
        double areaCm2 = 100 / (0.3 * MoticonHeelForce.AREA_SHARE[0]);
        assertEquals(2, out.rows.size());
        assertEquals(20 * MoticonHeelForce.AREA_SHARE[0] * areaCm2, out.rows.get(0)[33], 1e-3,
                "the row before the area was known, held back and given it");
        assertEquals(99, out.rows.get(0)[32], "in order");
        assertEquals(20 * MoticonHeelForce.AREA_SHARE[0] * areaCm2, out.rows.get(1)[33], 1e-3);

        CollectingSink unloaded = through(export(names), List.of(), oneSidedRow(50));
        assertEquals(1, unloaded.rows.size(), "the held row is passed on at the end");
        assertTrue(Float.isNaN(unloaded.rows.get(0)[33]));
        assertEquals(List.of("export.txt: no 'left total force[N]' column: no row has the right insole at 100 N or more"
                + " with its cells loaded, so the sensing area that would turn the left insole's cell pressures into"
                + " left.insole.force_n is unknown, and the left foot gives no gait events"), unloaded.warnings);
    }

    /** Rows are held back for at most 5 s: older ones pass on without the force, and the warning counts them. */
    @Test
    void rowsHeldForFiveSecondsPassOnWithoutTheForce() {
        float[][] rows = new float[502][];
        Arrays.fill(rows, 0, 501, oneSidedRow(50));
        rows[501] = oneSidedRow(100);
        CollectingSink out = through(export(oneSided()), List.of(), rows);
        assertEquals(502, out.rows.size());
        for (int i = 0; i < 500; i++) {
            assertTrue(Float.isNaN(out.rows.get(i)[33]), "row " + i + ", held 5 s: no force");
        }
        assertTrue(out.rows.get(500)[33] > 0 && out.rows.get(501)[33] > 0, "the rows after that get the area");
        assertTrue(out.warnings.get(0).endsWith("; the first 500 rows, more than 5.0 s before the area was known, have"
                + " none"), out.warnings.toString());
    }

    /** Both insoles' cells and the right insole's force: the left's force comes from the right's sensing area. */
    private static List<ChannelName> oneSided() {
        List<ChannelName> names = cells(Side.LEFT);
        names.addAll(cells(Side.RIGHT));
        names.add(ChannelName.parse("right.insole.force_n"));
        return names;
    }

    /** A row of {@link #oneSided()}: 20 N/cm² on the left's cell 1, 0.3 on the right's, the right force given. */
    private static float[] oneSidedRow(float rightForceN) {
        float[] row = new float[2 * MoticonHeelForce.CELLS + 1];
        row[0] = 20;
        row[16] = 0.3f;
        row[32] = rightForceN;
        return row;
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
