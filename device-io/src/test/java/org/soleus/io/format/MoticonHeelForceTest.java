package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.CollectingSink;
import org.soleus.io.MoticonExports;
import org.soleus.io.SampleData;

final class MoticonHeelForceTest {
    private static final Path DATA = SampleData.of("moticon-opengo");

    /**
     * On the shipped exports the recovered layout fits every row in which the software gave a
     * centre of pressure (no row is refused), and the heel force lies between 0 and the total.
     * The rows are those the layout was fitted on, so this guards the constants and the check
     * against regressions; it is not an independent validation.
     */
    @ParameterizedTest
    @ValueSource(strings = {"230927_102114.txt", "230927_102231.txt", "walk_data_with_events/text_export.txt"})
    void theRecoveredLayoutFitsEveryLoadedRowOfTheExports(String file) throws IOException {
        Recording r = Recordings.read(DATA.resolve(file), new ReadOptions(null, Double.NaN, 70.0));
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            float[] heel = r.channel(side.label() + ".insole.heel_force_n").samples();
            float[] force = r.channel(side.label() + ".insole.force_n").samples();
            float[] cop = r.channel(side.label() + ".insole.cop_y_norm").samples();
            int loaded = 0;
            int shared = 0;
            for (int i = 0; i < heel.length; i++) {
                assertTrue(!Float.isNaN(cop[i]) || Float.isNaN(force[i]) || force[i] < 50, file + " " + side + " row "
                        + i + ": a centre of pressure is missing only below 50 N, where the software writes 0, 0");
                if (Float.isNaN(force[i]) || Float.isNaN(cop[i])) {
                    assertTrue(Float.isNaN(heel[i]) || heel[i] == 0, file + " " + side + " row " + i
                            + ": a row that cannot be checked gives no heel force (0 with no cell loaded)");
                    continue;
                }
                assertTrue(heel[i] >= 0 && heel[i] <= force[i] + 1e-3, file + " " + side + " row " + i + ": heel " + heel[i]
                        + " N of " + force[i] + " N");
                loaded++;
                shared += heel[i] > 0 && heel[i] < force[i] ? 1 : 0;
            }
            assertTrue(loaded > 200, file + " " + side + ": " + loaded + " rows with a centre of pressure");
            assertTrue(shared > loaded / 4, file + " " + side + ": " + shared + " of " + loaded
                    + " loaded rows share the force between heel and forefoot (heel strike to heel off)");
        }
    }

    /**
     * An export re-saved by a spreadsheet program on Windows has its header in Windows-1252
     * ({@code N/cm²} with the single byte 0xB2): it reads as the export itself, with the same
     * channels and heel force, and a warning naming the first such line.
     */
    @Test
    void anExportResavedAsWindows1252ReadsAsTheExport(@TempDir Path dir) throws IOException {
        Path export = DATA.resolve("230927_102231.txt");
        String utf8 = Files.readString(export, StandardCharsets.UTF_8);
        Path resaved = Files.write(dir.resolve("resaved.txt"), utf8.getBytes(Charset.forName("windows-1252")));
        ReadOptions options = new ReadOptions(null, Double.NaN, 70.0);
        Recording original = Recordings.read(export, options);
        Recording read = Recordings.read(resaved, options);

        assertEquals(original.channelNames(), read.channelNames());
        assertTrue(read.channelNames().contains(ChannelName.parse("left.insole.cell01_ncm2")), read.channelNames().toString());
        assertArrayEquals(original.channel("left.insole.heel_force_n").samples(),
                read.channel("left.insole.heel_force_n").samples());
        long line = utf8.lines().takeWhile(l -> l.chars().allMatch(c -> c < 0x80)).count() + 1;
        assertTrue(read.warnings().stream().anyMatch(w -> w.startsWith(resaved + ":" + line + ": the header is not UTF-8")),
                read.warnings().toString());
        assertTrue(original.warnings().stream().noneMatch(w -> w.contains("UTF-8")), original.warnings().toString());
    }

    @Test
    void theHeelForceIsTheTotalTimesTheHeelCellsShareAndAnotherLayoutGetsNone() {
        CollectingSink out = new CollectingSink();
        SampleSink stage = new MoticonHeelForce(out);
        stage.start(header());
        float[] row = new float[header().channels().size()];

        // heel cells 1 and 2 loaded equally: all of the force is on the heel
        row[0] = 10;
        row[1] = 10;
        row[16] = 400;
        row[17] = (float) ((MoticonHeelForce.AREA_SHARE[0] * MoticonHeelForce.ALONG[0]
                + MoticonHeelForce.AREA_SHARE[1] * MoticonHeelForce.ALONG[1])
                / (MoticonHeelForce.AREA_SHARE[0] + MoticonHeelForce.AREA_SHARE[1]));
        stage.accept(row);
        // the same pressures where the software put the centre of pressure under the toes: another layout
        row[17] = 0.35f;
        stage.accept(row);
        // heel cell 1 and toe cell 14 at the same pressure: the heel's share of the area-weighted pressure
        row[1] = 0;
        row[13] = 10;
        double share = MoticonHeelForce.AREA_SHARE[0] / (MoticonHeelForce.AREA_SHARE[0] + MoticonHeelForce.AREA_SHARE[13]);
        row[17] = (float) ((MoticonHeelForce.AREA_SHARE[0] * MoticonHeelForce.ALONG[0]
                + MoticonHeelForce.AREA_SHARE[13] * MoticonHeelForce.ALONG[13])
                / (MoticonHeelForce.AREA_SHARE[0] + MoticonHeelForce.AREA_SHARE[13]));
        stage.accept(row);
        // unloaded: no pressure, and the software's 0, 0
        Arrays.fill(row, 0);
        stage.accept(row);

        // a row whose centre of pressure the software did not give (below 50 N) cannot be checked
        row[0] = 1;
        row[16] = 40;
        row[17] = Float.NaN;
        stage.accept(row);

        int heel = header().channels().size();
        assertEquals(400f, out.rows.get(0)[heel], 1e-3);
        assertTrue(Float.isNaN(out.rows.get(1)[heel]), "cells and software disagree on the centre of pressure");
        assertEquals(400 * share, out.rows.get(2)[heel], 1e-3);
        assertEquals(0f, out.rows.get(3)[heel]);
        assertTrue(Float.isNaN(out.rows.get(4)[heel]), "unchecked");
    }

    /** Cell columns in another order: the rows that agree by chance give no heel force once ten have not. */
    @Test
    void anInsoleThatKeepsDisagreeingGivesNoHeelForceAtAll() {
        CollectingSink out = new CollectingSink();
        SampleSink stage = new MoticonHeelForce(out);
        stage.start(header());
        float[] row = new float[header().channels().size()];
        row[0] = 10;
        row[16] = 400;
        row[17] = (float) MoticonHeelForce.ALONG[0];
        float[] wrong = row.clone();
        wrong[17] = 0.4f;
        stage.accept(row);
        for (int k = 0; k < MoticonHeelForce.MAX_MISMATCHED_ROWS; k++) {
            stage.accept(wrong);
        }
        stage.accept(row);
        int heel = header().channels().size();
        assertEquals(400f, out.rows.get(0)[heel], 1e-3, "before");
        assertTrue(Float.isNaN(out.rows.get(out.rows.size() - 1)[heel]), "after ten mismatched rows, a matching one too");
        stage.end(List.of());
        assertEquals(1, out.warnings.size(), out.warnings.toString());
        assertTrue(out.warnings.get(0).startsWith("moticon: the left insole's cells put the centre of pressure elsewhere"),
                out.warnings.get(0));
    }

    @Test
    void aStreamWithoutMoticonsCellsPassesUnchanged() {
        RecordingHeader plain = new RecordingHeader("x", 100, 0, List.of(ChannelName.parse("left.insole.force_n")),
                RecordingMetadata.EMPTY);
        CollectingSink out = new CollectingSink();
        SampleSink stage = new MoticonHeelForce(out);
        stage.start(plain);
        float[] row = {12};
        stage.accept(row);
        assertSame(plain, out.header);
        assertArrayEquals(row, out.rows.get(0));
    }

    /** An export without the centre of pressure passes unchanged, with a warning that says what is missing. */
    @Test
    void cellsWithoutTheCentreOfPressureGiveNoHeelForceAndAWarning() {
        List<ChannelName> names = new ArrayList<>(header().channels());
        names.remove(names.size() - 1);
        RecordingHeader noCop = new RecordingHeader("export.txt", 100, 0, names, RecordingMetadata.EMPTY);
        CollectingSink out = new CollectingSink();
        SampleSink stage = new MoticonHeelForce(out);
        stage.start(noCop);
        float[] row = new float[names.size()];
        row[0] = 10;
        row[16] = 400;
        stage.accept(row);
        stage.end(List.of("earlier"));
        assertSame(noCop, out.header);
        assertArrayEquals(row, out.rows.get(0));
        assertEquals(2, out.warnings.size(), out.warnings.toString());
        assertEquals("earlier", out.warnings.get(0));
        assertTrue(out.warnings.get(1).startsWith("export.txt: the left insole has no heel-to-toe centre of pressure"),
                out.warnings.get(1));
    }

    /**
     * A Moticon export without one of its cell columns (or with it renamed) gets no heel force,
     * and a warning names the cell missing; a file from elsewhere with fewer cells gets none.
     */
    @Test
    void aMoticonInsoleMissingACellIsWarnedAbout(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA.resolve("230927_102114.txt")));
        int columns = lines.stream().filter(l -> l.startsWith("# time\t")).findFirst().orElseThrow().split("\t").length;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# time\t") || !line.startsWith("#")) {
                String[] cells = line.split("\t", -1);
                List<String> kept = new ArrayList<>(Arrays.asList(cells));
                kept.remove(4); // left pressure 4
                lines.set(i, String.join("\t", kept));
            }
        }
        assertTrue(columns > 16);
        Path export = Files.write(dir.resolve("export.txt"), lines);
        Recording r = Recordings.read(export, new ReadOptions(null, Double.NaN, 70));
        assertTrue(r.find("left.insole.heel_force_n").isEmpty(), "no heel force from 15 cells");
        assertTrue(r.warnings().contains(export + ": the left insole has 15 of the 16 cell pressures of a Moticon"
                + " insole, without left.insole.cell04_ncm2 (a column left out of the export, renamed, or in another"
                + " unit than N/cm²): it gets no heel force from its cells, so no heel share"), r.warnings().toString());
        Path withoutTotals = MoticonExports.withoutColumns(export, dir.resolve("no-totals.txt"), "total force");
        Recording forceless = Recordings.read(withoutTotals, new ReadOptions(null, Double.NaN, 70));
        assertTrue(forceless.warnings().contains(withoutTotals + ": the left insole has 15 of the 16 cell pressures of a"
                + " Moticon insole, without left.insole.cell04_ncm2 (a column left out of the export, renamed, or in another"
                + " unit than N/cm²): it gets no force and no heel force from its cells, so no gait events and no heel"
                + " share"), forceless.warnings().toString());

        List<ChannelName> fewer = new ArrayList<>(header().channels());
        fewer.remove(3);
        CollectingSink out = new CollectingSink();
        SampleSink stage = new MoticonHeelForce(out);
        stage.start(new RecordingHeader("other.csv", 100, 0, fewer, RecordingMetadata.EMPTY));
        stage.end(List.of());
        assertEquals(List.of(), out.warnings, "not a Moticon recording");
    }

    /** The left insole's 16 cells, force and heel-to-toe centre of pressure, in that order. */
    private static RecordingHeader header() {
        List<ChannelName> names = new ArrayList<>();
        for (int c = 1; c <= 16; c++) {
            names.add(ChannelName.parse(String.format("left.insole.cell%02d_ncm2", c)));
        }
        names.add(ChannelName.parse("left.insole.force_n"));
        names.add(MoticonReader.copChannel(Side.LEFT, "x"));
        return new RecordingHeader("moticon", 100, 0, names, RecordingMetadata.EMPTY);
    }

}
