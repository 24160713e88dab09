package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.io.MoticonExports;
import org.soleus.io.SampleData;

/** The readers on the real recordings in {@code sample-data/}, against facts checked by hand. */
final class SampleDataReaderTest {
    private static final Path DATA = SampleData.dir();
    private static final Path GAITPDB = DATA.resolve("physionet-gaitpdb");
    private static final Path MOTICON = DATA.resolve("moticon-opengo");
    private static final Path GAITMAP = DATA.resolve("gaitmap-example").resolve("imu_sample.csv");

    private static int present(Channel c) {
        return c.length() - c.missingCount();
    }

    @Test
    void gaitpdbControlWalk() throws IOException {
        Recording r = Recordings.read(GAITPDB.resolve("GaCo01_01.txt"));
        assertEquals(18, r.channels().size());
        assertEquals(100.0, r.sampleRateHz());
        assertEquals(12119, r.length());
        assertEquals(0.0, r.startTimeS());
        assertEquals(83.0, r.metadata().bodyMassKg(), "GaCo01's weight in demographics.txt");
        assertEquals(199.1f, r.channel("left.insole.cell01_n").get(0));
        assertEquals(163.9f, r.channel("right.insole.cell01_n").get(0));
        assertEquals(662.2f, r.channel("left.insole.force_n").get(0));
        assertEquals(748f, r.channel("right.insole.force_n").get(0));
        assertEquals(347.27f, r.channel("left.insole.cell01_n").get(12118));
        assertEquals(609.51f, r.channel("right.insole.force_n").get(12118));
        for (Channel c : r.channels()) {
            assertEquals(0, c.missingCount(), c.name().toString());
        }
        assertEquals(List.of(), r.warnings());
        assertEquals("GaCo01", r.metadata().properties().get("subject"));
        assertEquals("physionet-gaitpdb", r.metadata().properties().get("source_format"));
        assertEquals("control", r.metadata().properties().get("group"));
        InsoleLayout left = r.metadata().layout(Side.LEFT);
        assertEquals("au", left.coordinateUnit());
        assertEquals(8, left.cells().size());
        assertEquals(-500, left.cell("cell01").x());
        assertEquals(-800, left.cell("cell01").y());
        assertEquals(500, r.metadata().layout(Side.RIGHT).cell("cell08").x());
        assertEquals(800, r.metadata().layout(Side.RIGHT).cell("cell08").y());
    }

    @Test
    void gaitpdbAllFilesAndMasses() throws IOException {
        String[] files = {"GaPt03_01.txt", "JuCo01_01.txt", "SiCo01_01.txt"};
        int[] lengths = {12119, 5349, 12119};
        double[] masses = {50, 75, 56};
        for (int i = 0; i < files.length; i++) {
            Recording r = Recordings.read(GAITPDB.resolve(files[i]));
            assertEquals(lengths[i], r.length(), files[i]);
            assertEquals(100.0, r.sampleRateHz(), files[i]);
            assertEquals(masses[i], r.metadata().bodyMassKg(), files[i]);
        }
        Recording pt = Recordings.read(GAITPDB.resolve("GaPt03_01.txt"));
        assertEquals("parkinson", pt.metadata().properties().get("group"));
        assertEquals(24.97f, pt.channel("right.insole.cell08_n").get(12118));
    }

    /** A trial renamed to lower case keeps its subject's mass and group. */
    @Test
    void gaitpdbTrialRenamedToLowerCase(@TempDir Path dir) throws IOException {
        Path lower = Files.copy(GAITPDB.resolve("GaPt03_01.txt"), dir.resolve("gapt03_01.txt"));
        Files.copy(GAITPDB.resolve("demographics.txt"), dir.resolve("demographics.txt"));
        Recording r = Recordings.read(lower);
        assertEquals(50, r.metadata().bodyMassKg());
        assertEquals("parkinson", r.metadata().properties().get("group"));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void explicitBodyMassWinsWithAWarning() throws IOException {
        Recording r = Recordings.read(GAITPDB.resolve("GaCo01_01.txt"), new ReadOptions(null, Double.NaN, 80));
        assertEquals(80.0, r.metadata().bodyMassKg());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("83.0 kg") && w.contains("80.0 kg")), r.warnings().toString());
    }

    @Test
    void moticonNormalWalk() throws IOException {
        Recording r = Recordings.read(MOTICON.resolve("230927_102114.txt"));
        assertEquals(54, r.channels().size(), "25 per insole, two step channels and the heel force of each insole");
        assertEquals(100.0, r.sampleRateHz());
        assertEquals(1751, r.length(), "1750 rows and one missing row (16.43 → 16.45 s) filled with NaN");
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains(":1654:"), r.warnings().get(0));
        assertEquals(64, r.channel("left.insole.cell01_ncm2").missingCount(), "63 empty left cells and the gap");
        assertEquals(14, r.channel("right.insole.force_n").missingCount(), "13 empty right cells and the gap");
        assertEquals(64 + 437, r.channel("left.insole.cop_y_norm").missingCount(),
                "the empty cells, the gap, and the 437 rows below 50 N where the software wrote 0, 0");
        assertEquals(14, present(r.channel("right.insole.vendor_step_code")), "7 right heel strikes and 7 toe offs");
        assertEquals(14, present(r.channel("left.insole.vendor_step_code")));
        assertEquals(6.5f, r.channel("right.insole.cell01_ncm2").get(0));
        assertEquals(509f, r.channel("right.insole.force_n").get(0));
        assertEquals(-0.189453f, r.channel("right.insole.acc_x_g").get(0));
        assertEquals(-2.45f, r.channel("right.insole.gyr_x_dps").get(0));
        assertEquals(-0.201829f, r.channel("right.insole.cop_y_norm").get(0), "Moticon's x is heel to toe");
        assertEquals(-0.076531f, r.channel("right.insole.cop_x_norm").get(0), "Moticon's y is across the foot");
        assertTrue(Float.isNaN(r.channel("left.insole.force_n").get(0)));
        assertEquals(357f, r.channel("left.insole.force_n").get(1750));
        float[] steps = r.channel("right.insole.vendor_step_code").samples();
        for (float s : steps) {
            assertTrue(Float.isNaN(s) || s == 21f || s == 25f, "right step codes are 21 or 25, got " + s);
        }
        var p = r.metadata().properties();
        assertEquals("2023-09-27T10:21:14.922", p.get("start_time"));
        assertEquals("7", p.get("insole_size"));
        assertEquals("SN5968", p.get("insole_serial_left"));
        assertEquals("SN9171", p.get("insole_serial_right"));
        assertEquals("Some walking steps", p.get("notes"));
        assertEquals("moticon-opengo", p.get("source_format"));
        assertFalse(r.metadata().hasBodyMass());
    }

    /**
     * A start time that is no date is kept as text, not as an ISO-8601 {@code start_time}, and a
     * header key given twice keeps its first value; both are told at their lines.
     */
    @Test
    void moticonHeaderFactsThatCannotBeTakenAsTheyAreAreTold(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(MOTICON.resolve("230927_102114.txt")));
        lines.set(0, "# Start time: 99.99.2023 25:61:14.922");
        lines.add(1, "# Size: 9");
        lines.add(1, "# Event timing: baseline");
        lines.add(1, "# Start time: 27.09.2023 10:21:14.922");
        Path export = Files.write(dir.resolve("export.txt"), lines);
        Recording r = Recordings.read(export);
        var p = r.metadata().properties();
        assertEquals("99.99.2023 25:61:14.922", p.get("start_time_text"));
        assertEquals("2023-09-27T10:21:14.922", p.get("start_time"), "the line that is a date");
        assertEquals("9", p.get("insole_size"), "the first size");
        assertEquals("baseline", p.get("event_timing"), "the header's, over the reader's default");
        assertEquals(List.of(export + ":1: 'Start time' 99.99.2023 25:61:14.922 is not a date and time as dd.MM.yyyy"
                + " HH:mm:ss.SSS; kept as start_time_text, not as start_time", export + ":7: 'Size' is given again, as 7;"
                + " the first is kept (insole_size 9)"), r.warnings().subList(0, 2));
    }

    /**
     * A centre of pressure exported in percent of the insole reads as the normalised one, with the
     * software's unset 0, 0 missing and the cells' cross-check passing; one in millimetres keeps its
     * unit and is not taken for a normalised position.
     */
    @Test
    void moticonCentreOfPressureInPercentOrMillimetres(@TempDir Path dir) throws IOException {
        Path export = MOTICON.resolve("230927_102114.txt");
        Recording normalised = Recordings.read(export);
        for (String unit : new String[] {"%", "-50...+50"}) {
            Recording percent = Recordings.read(MoticonExports.withCentreOfPressureIn(export, dir.resolve("pct.txt"), unit, 100));
            assertEquals(1, percent.warnings().size(), unit + ": only the gap: " + percent.warnings());
            for (String name : new String[] {"left.insole.cop_y_norm", "right.insole.cop_x_norm"}) {
                float[] expected = normalised.channel(name).samples();
                float[] actual = percent.channel(name).samples();
                assertEquals(normalised.channel(name).missingCount(), percent.channel(name).missingCount(), name);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-6, unit + " " + name + " row " + i);
                }
            }
            assertTrue(percent.find("left.insole.heel_force_n").isPresent(), unit);
        }

        Recording mm = Recordings.read(MoticonExports.withCentreOfPressureIn(export, dir.resolve("mm.txt"), "mm", 270));
        assertTrue(mm.find("left.insole.cop_y_mm").isPresent() && mm.find("right.insole.cop_x_mm").isPresent());
        assertFalse(mm.find("left.insole.cop_y_norm").isPresent());
        assertEquals(-0.201829f * 270, mm.channel("right.insole.cop_y_mm").get(0), 1e-3);
        Path mmFile = dir.resolve("mm.txt");
        assertTrue(mm.warnings().contains(mmFile + ":9:25: column 'left center of pressure X[mm]' is not a centre of"
                + " pressure normalised to the insole (−0.5…+0.5, or in %): read as left.insole.cop_y_mm and not used as a"
                + " position on the insole"), mm.warnings().toString());
        assertTrue(Recordings.read(MoticonExports.withCentreOfPressureIn(export, dir.resolve("01.txt"), "0...1", 1))
                .find("left.insole.cop_y_au").isPresent(), "a unit that makes no name");
    }

    @Test
    void moticonFastWalk() throws IOException {
        Recording r = Recordings.read(MOTICON.resolve("230927_102231.txt"));
        assertEquals(1007, r.length());
        assertEquals(68, r.channel("left.insole.cell16_ncm2").missingCount());
        assertEquals(2, r.channel("right.insole.cell16_ncm2").missingCount());
        assertEquals(10, present(r.channel("left.insole.vendor_step_code")));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void moticonHandLabelledEvents() throws IOException {
        Recording r = Recordings.read(MOTICON.resolve("walk_data_with_events").resolve("text_export.txt"));
        assertEquals(499, r.length());
        assertEquals(0.01, r.startTimeS(), 1e-12);
        assertEquals(56, r.channels().size(), "50 insole channels, 2 event channels, 2 COP velocities, 2 heel forces");
        assertEquals(8, present(r.channel("right.insole.event_code")));
        assertEquals(8, present(r.channel("left.insole.event_code")));
        assertTrue(r.find("left.insole.cop_velocity_au").isPresent(), r.channelNames().toString());
        assertEquals(2, r.warnings().size(), "the two text label columns are skipped: " + r.warnings());
        assertTrue(r.warnings().get(0).contains("Right Events label[]"), r.warnings().get(0));
        assertEquals("3", r.metadata().properties().get("insole_size"));
        assertEquals("1663250316241", r.metadata().properties().get("start_timestamp_ms"));
        assertEquals("live", r.metadata().properties().get("recording_type"));
        for (Channel c : r.channels(Side.RIGHT, "insole")) {
            // the centre of pressure has none below 50 N, nor has the heel force checked against it
            boolean belowFiftyNewtons = (c.name().quantity().startsWith("cop_") && c.name().unit().equals("norm"))
                    || c.name().quantity().equals("heel_force");
            assertTrue(c.name().quantity().equals("event") || belowFiftyNewtons || c.missingCount() == 0,
                    c.name() + " has no gaps");
        }
    }

    @Test
    void gaitmapNeedsTheRate() throws IOException {
        UnknownSampleRateException e = assertThrows(UnknownSampleRateException.class, () -> Recordings.read(GAITMAP));
        assertTrue(e.getMessage().contains("--rate") && e.getMessage().contains("204.8"), e.getMessage());
        Recording r = Recordings.read(GAITMAP, new ReadOptions(null, 204.8, Double.NaN));
        assertEquals(204.8, r.sampleRateHz());
        assertEquals(7928, r.length());
        assertEquals(12, r.channels().size());
        assertEquals("left.foot.acc_x_mps2", r.channelNames().get(0).toString());
        assertEquals("right.foot.gyr_z_dps", r.channelNames().get(11).toString());
        assertEquals(0.8808107066241624f, r.channel("left.foot.acc_x_mps2").get(0));
        assertEquals(0.3115525903932168f, r.channel("right.foot.acc_x_mps2").get(0));
        assertEquals(-0.8140273567688203f, r.channel("right.foot.gyr_z_dps").get(7927));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void gaitmapSensorWithoutASideIsReadAndWarnedAbout(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(GAITMAP));
        lines.set(0, lines.get(0).replace("left_sensor", "lfoot"));
        Path renamed = Files.write(dir.resolve("renamed.csv"), lines);
        Recording r = Recordings.read(renamed, new ReadOptions(null, 204.8, Double.NaN));
        assertEquals("none.lfoot.acc_x_mps2", r.channelNames().get(0).toString());
        assertEquals(List.of(renamed + ":1:2: sensor 'lfoot' names no side (left… or right…): read as none.lfoot.*, "
                + "which the gait analysis does not use as a foot"), r.warnings());
    }
}
