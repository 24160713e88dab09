package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RecordingMetadata;

final class WfdbReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static Recording read(Path hea) throws IOException {
        return read(hea, ReadOptions.DEFAULTS);
    }

    private static Recording read(Path hea, ReadOptions options) throws IOException {
        RecordingBuilder builder = new RecordingBuilder();
        new WfdbReader().read(hea, options, builder);
        return builder.build();
    }

    private DataFormatException failure(Path hea) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> read(hea));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private static float[] physical(int[] adu, double baseline, double gain, int invalid) {
        float[] out = new float[adu.length];
        for (int i = 0; i < adu.length; i++) {
            out[i] = adu[i] == invalid ? Float.NaN : (float) ((adu[i] - baseline) / gain);
        }
        return out;
    }

    // ---- values ------------------------------------------------------------------------------

    @Test
    void readsHandPacked212WithInvalidSampleAsNaN() throws IOException {
        int[] adu = {1, -1, 2047, -2048, -1234, 1234, 5};
        file("rec.dat", Wfdb212Encoder.encode(adu));
        Path hea = file("rec.hea", "rec 1 100 7\nrec.dat 212 100 12 0 1 " + Wfdb212Encoder.checksum(adu) + " 0 left-foot\n");
        Recording r = read(hea);
        assertEquals(List.of(ChannelName.parse("left.insole.force_au")), r.channelNames());
        assertEquals(100, r.sampleRateHz());
        assertArrayEquals(new float[] {0.01f, -0.01f, 20.47f, Float.NaN, -12.34f, 12.34f, 0.05f},
                r.channel("left.insole.force_au").samples());
        assertEquals(List.of(hea + ":2: signal 1 (left-foot): 1 invalid sample (-2048) read as missing"), r.warnings());
    }

    @Test
    void appliesBaselineUnitsAndTheDefaultGain() throws IOException {
        int[] a = {10, 30, -190, 410};
        int[] b = {0, 200, -2048, 400};
        file("a.dat", Wfdb212Encoder.encode(a));
        file("b.dat", Wfdb212Encoder.encode(b));
        Path hea = file("rec.hea", "# a comment\nrec 2 250 4 10:00:00 01/02/2003\n"
                + "a.dat 212 200(10)/mV 12 0 10 " + Wfdb212Encoder.checksum(a) + " 0 ECG lead II\n"
                + "b.dat 212 0/% 12 0 0 " + Wfdb212Encoder.checksum(b) + " 0\n");
        Recording r = read(hea);
        assertEquals(List.of(ChannelName.parse("none.signal.ecg_lead_ii_mv"),
                ChannelName.parse("none.signal.signal2_pct")), r.channelNames());
        assertArrayEquals(physical(a, 10, 200, -2048), r.channel("none.signal.ecg_lead_ii_mv").samples());
        assertArrayEquals(physical(b, 0, 200, -2048), r.channel("none.signal.signal2_pct").samples());
        assertEquals("ECG lead II", r.metadata().properties().get("description.none.signal.ecg_lead_ii_mv"));
        assertEquals("a comment", r.metadata().properties().get("comments"));
        assertEquals("10:00:00", r.metadata().properties().get("base_time"));
        assertEquals("01/02/2003", r.metadata().properties().get("base_date"));
        assertEquals(List.of(hea + ":4: signal 2 (b.dat): 1 invalid sample (-2048) read as missing"), r.warnings());
    }

    @Test
    void baselineDefaultsToAdcZero() throws IOException {
        int[] adu = {1024, 1224};
        file("rec.dat", Wfdb212Encoder.encode(adu));
        Path hea = file("rec.hea", "rec 1 360 2\nrec.dat 212 200 11 1024 1024 " + Wfdb212Encoder.checksum(adu) + " 0 MLII\n");
        assertArrayEquals(new float[] {0f, 1f}, read(hea).channel("none.signal.mlii_mv").samples());
    }

    @Test
    void readsThreeSignalsInterleavedIn212WithPairsCrossingSignals() throws IOException {
        long seed = 77L;
        SplittableRandom random = new SplittableRandom(seed);
        int frames = 101;
        int[][] adu = new int[3][frames];
        int[] stream = new int[3 * frames];
        for (int f = 0; f < frames; f++) {
            for (int s = 0; s < 3; s++) {
                adu[s][f] = random.nextInt(-2048, 2048);
                stream[3 * f + s] = adu[s][f];
            }
        }
        file("rec.dat", Wfdb212Encoder.encode(stream));
        StringBuilder hea = new StringBuilder("rec 3 500 " + frames + "\n");
        for (int s = 0; s < 3; s++) {
            hea.append("rec.dat 212 100 12 0 0 ").append(Wfdb212Encoder.checksum(adu[s])).append(" 0 sig").append(s).append('\n');
        }
        Path header = file("rec.hea", hea.toString());
        for (int buffer : new int[] {3, 4, 5, 10, 4096}) {
            RecordingBuilder builder = new RecordingBuilder();
            new WfdbReader(buffer).read(header, ReadOptions.DEFAULTS, builder);
            Recording r = builder.build();
            assertEquals(List.of(), r.warnings(), "seed " + seed);
            for (int s = 0; s < 3; s++) {
                assertArrayEquals(physical(adu[s], 0, 100, -2048), r.channel("none.signal.sig" + s + "_mv").samples(),
                        "seed " + seed + ", signal " + s + ", buffer " + buffer);
            }
        }
    }

    @Test
    void readsFormats16And80WithOffsetAndTheirInvalidCodes() throws IOException {
        // Format 16, two interleaved signals after a 4-byte prolog: (100, -32768), (-5, 32767).
        file("w.dat", new byte[] {9, 9, 9, 9, 100, 0, 0, (byte) 0x80, (byte) 0xFB, (byte) 0xFF, (byte) 0xFF, 0x7F});
        // Format 80: 0x80 -> 0, 0x00 -> -128 (invalid).
        file("b.dat", new byte[] {(byte) 0x80, 0x00});
        Path hea = file("rec.hea", "rec 3 128 2\n"
                + "w.dat 16+4 10/mmHg 16 0 100 95 0 ABP\n"
                + "w.dat 16+4 1/bpm 16 0 -32768 -1 0 HR\n"
                + "b.dat 80 2(1)/uV 8 0 0 -128 0 EEG\n");
        Recording r = read(hea);
        assertArrayEquals(new float[] {10f, -0.5f}, r.channel("none.signal.abp_mmhg").samples());
        assertArrayEquals(new float[] {Float.NaN, 32767f}, r.channel("none.signal.hr_bpm").samples());
        assertArrayEquals(new float[] {-0.5f, Float.NaN}, r.channel("none.signal.eeg_uv").samples());
        assertEquals(List.of(hea + ":3: signal 2 (HR): 1 invalid sample (-32768) read as missing",
                hea + ":4: signal 3 (EEG): 1 invalid sample (-128) read as missing"), r.warnings());
    }

    /**
    * A footswitch whose swing level lies below its 12-bit ADC's range writes the ADC's lowest
    * code, which format 212 also uses for invalid samples: a run of it between samples at the
    * bottom of the range is read as the lowest valid value, with a warning; a run next to a sample
    * far from the bottom (a real dropout) stays missing.
    */
    @Test
    void invalidCodesBetweenSamplesAtTheBottomOfTheAdcRangeAreTheFloor() throws IOException {
        int[] adu = {900, -2040, -2048, -2048, -2046, 800, -2048, -2048, 700};
        file("rec.dat", Wfdb212Encoder.encode(adu));
        Path hea = file("rec.hea", "rec 1 300 9\nrec.dat 212 1 12 0 900 " + Wfdb212Encoder.checksum(adu) + " 0 left-foot\n");
        Recording r = read(hea);
        assertArrayEquals(new float[] {900, -2040, -2047, -2047, -2046, 800, Float.NaN, Float.NaN, 700},
                r.channel("left.insole.force_au").samples());
        assertEquals(List.of(hea + ":2: signal 1 (left-foot): 2 samples of the invalid-sample code -2048 between samples"
                + " at the bottom of the ADC's range read as its lowest value -2047 (the sensor below the range: in format"
                + " 212 the ADC's lowest code is the invalid-sample code); 2 invalid samples (-2048) read as missing"),
                r.warnings());
        assertEquals(-2047, r.metadata().rangeMinimum(ChannelName.parse("left.insole.force_au")),
                "the lowest valid code is where the range ends, for the contact detector");
    }

    /** The range's lowest value is that of the lowest valid code, after gain and baseline, as the samples are. */
    @Test
    void theRangesLowestValueIsTheLowestValidCodesPhysicalValue() throws IOException {
        int[] adu = {-2048, -2047, 5};
        file("rec.dat", Wfdb212Encoder.encode(adu));
        Path hea = file("rec.hea", "rec 1 300 3\nrec.dat 212 1000(-449) 12 0 -2048 " + Wfdb212Encoder.checksum(adu) + " 0 right-foot\n");
        Recording r = read(hea);
        float lowest = r.channel("right.insole.force_au").samples()[1];
        assertEquals((-2047 + 449) / 1000.0, lowest, 1e-6);
        assertEquals(lowest, r.metadata().rangeMinimum(ChannelName.parse("right.insole.force_au")));
        assertEquals(Float.toString(lowest), r.metadata().properties().get("range_min.right.insole.force_au"));
    }

    /** A negative gain turns the signal over: the range's lowest value is then the highest code's. */
    @Test
    void aNegativeGainsLowestValueIsTheHighestCodes() throws IOException {
        int[] adu = {2047, 0, -2047};
        file("rec.dat", Wfdb212Encoder.encode(adu));
        Path hea = file("rec.hea", "rec 1 300 3\nrec.dat 212 -10(47) 12 0 2047 " + Wfdb212Encoder.checksum(adu) + " 0 left-foot\n");
        Recording r = read(hea);
        assertArrayEquals(new float[] {-200, 4.7f, 209.4f}, r.channel("left.insole.force_au").samples(), 1e-4f);
        assertEquals(-200, r.metadata().rangeMinimum(ChannelName.parse("left.insole.force_au")), 1e-6);
    }

    @Test
    void sameDescriptionTwiceGetsDistinctNames() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1, 2));
        Path hea = file("rec.hea", "rec 2 100 1\nrec.dat 212 1 12 0 1 1 0 ECG\nrec.dat 212 1 12 0 2 2 0 ECG\n");
        assertEquals(List.of(ChannelName.parse("none.signal.ecg_mv"), ChannelName.parse("none.signal.ecg_2_mv")),
                read(hea).channelNames());
    }

    @Test
    void aSignalThatMentionsAFootButIsNoFootsForceIsAWarningAtItsLine() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1, 2, 3, 4, 5, 6));
        Path hea = file("rec.hea", "rec 3 100 2\nrec.dat 212 1 12 0 1 5 0 left-foot\n"
                + "rec.dat 212 1 12 0 2 7 0 Left-Foot\nrec.dat 212 1 12 0 3 9 0 right foot\n");
        Recording r = read(hea);
        assertEquals(List.of(ChannelName.parse("left.insole.force_au"), ChannelName.parse("left.insole.force_2_au"),
                ChannelName.parse("none.signal.right_foot_mv")), r.channelNames());
        assertEquals(List.of(hea + ":3: signal 2 ('Left-Foot') is read as left.insole.force_2_au, not as a foot's"
                        + " force, and gives no gait events: an earlier signal is that foot's",
                hea + ":4: signal 3 ('right foot') is read as none.signal.right_foot_mv, not as a foot's force, and"
                        + " gives no gait events; expected the description left-foot or right-foot"),
                r.warnings());

        file("ecg.dat", Wfdb212Encoder.encode(1, 2));
        Path ecg = file("ecg.hea", "ecg 2 100 1\necg.dat 212 1 12 0 1 1 0 left-foot\necg.dat 212 1 12 0 2 2 0 ECG\n");
        assertEquals(List.of(), read(ecg).warnings(), "a signal that mentions no foot is not one");
    }

    /**
     * Beside one foot's signal, a description cut short ({@code right-}, the header's last line
     * broken off) or left empty loses the other foot's events, so it is told at its line; beside
     * both feet's signals, a knee angle or an unnamed signal is no foot's and is not told.
     */
    @Test
    void aDescriptionThatLooksLikeTheMissingFootsIsAWarning() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1, 2, 3, 4));
        Path cut = file("rec.hea", "rec 2 100 2\nrec.dat 212 1 12 0 1 4 0 left-foot\nrec.dat 212 1 12 0 2 6 0 right-\n");
        Recording r = read(cut);
        assertEquals(List.of(ChannelName.parse("left.insole.force_au"), ChannelName.parse("none.signal.right_mv")),
                r.channelNames());
        assertEquals(List.of(cut + ":3: signal 2 ('right-') is read as none.signal.right_mv, not as a foot's force, and"
                + " gives no gait events; expected the description left-foot or right-foot"), r.warnings());

        Path empty = file("empty.hea", "empty 2 100 2\nrec.dat 212 1 12 0 1 4 0\nrec.dat 212 1 12 0 2 6 0 right-foot\n");
        assertEquals(List.of(empty + ":2: signal 1 ('') is read as none.signal.signal1_mv, not as a foot's force, and"
                + " gives no gait events; expected the description left-foot or right-foot"), read(empty).warnings());

        file("knee.dat", Wfdb212Encoder.encode(1, 2, 3, 4, 5, 6, 7, 8));
        Path knee = file("knee.hea", "knee 4 100 2\nknee.dat 212 1 12 0 1 6 0 left-foot\n"
                + "knee.dat 212 1 12 0 2 8 0 right-foot\nknee.dat 212 1 12 0 3 10 0 right knee angle\n"
                + "knee.dat 212 1 12 0 4 12 0\n");
        assertEquals(List.of(), read(knee).warnings(), "both feet are there");

        // gaitndd's file of the other foot, whatever its description says
        file("walk.let", Wfdb212Encoder.encode(1, 2));
        file("walk.rit", Wfdb212Encoder.encode(3, 4));
        Path letter = file("walk.hea", "walk 2 100 2\nwalk.let 212 1 12 0 1 3 0 left-foot\nwalk.rit 212 1 12 0 3 7 0 R\n");
        assertEquals(List.of(letter + ":3: signal 2 ('R') is read as none.signal.r_mv, not as a foot's force, and"
                + " gives no gait events; expected the description left-foot or right-foot"), read(letter).warnings());
        file("walk.ecg", Wfdb212Encoder.encode(5, 6));
        Path ecgBeside = file("ecgwalk.hea", "ecgwalk 2 100 2\nwalk.let 212 1 12 0 1 3 0 left-foot\nwalk.ecg 212 1 12 0 5 11 0 ECG\n");
        assertEquals(List.of(), read(ecgBeside).warnings(), "a signal in no foot's file that mentions no foot");
    }

    /** gaitndd keeps each foot's signal in a file of its own, {@code .let} and {@code .rit}: without descriptions, they tell the feet. */
    @Test
    void aSignalWithoutADescriptionInAGaitnddFootFileIsThatFootsForceWithAWarning() throws IOException {
        file("walk.let", Wfdb212Encoder.encode(1, 2));
        file("walk.RIT", Wfdb212Encoder.encode(3, 4));
        Path hea = file("walk.hea", "walk 2 300 2\nwalk.let 212 3000 12 0 1 3 0\nwalk.RIT 212 3000 12 0 3 7 0\n");
        Recording r = read(hea);
        assertEquals(List.of(ChannelName.parse("left.insole.force_au"), ChannelName.parse("right.insole.force_au")),
                r.channelNames());
        assertEquals(List.of(hea + ":2: signal 1 has no description; read as left.insole.force_au, the left foot's"
                        + " footswitch, as gaitndd names its file (walk.let); expected the description left-foot",
                hea + ":3: signal 2 has no description; read as right.insole.force_au, the right foot's footswitch, as"
                        + " gaitndd names its file (walk.RIT); expected the description right-foot"), r.warnings());

        Path described = file("swapped.hea", "swapped 2 300 2\nwalk.let 212 3000 12 0 1 3 0\n"
                + "walk.RIT 212 3000 12 0 3 7 0 left-foot\n");
        Recording swapped = read(described);
        assertEquals(List.of(ChannelName.parse("none.signal.signal1_mv"), ChannelName.parse("left.insole.force_au")),
                swapped.channelNames(), "a description wins over a file's name");
        assertEquals(List.of(described + ":2: signal 1 ('') is read as none.signal.signal1_mv, not as a foot's force, and"
                + " gives no gait events; expected the description left-foot or right-foot"), swapped.warnings());
    }

    @Test
    void unitsAreSanitisedIntoChannelNameTokens() {
        assertEquals("uv", WfdbChannelNaming.unit("\u00b5V"));
        assertEquals("pct", WfdbChannelNaming.unit("%"));
        assertEquals("degc", WfdbChannelNaming.unit("deg C"));
        assertEquals("au", WfdbChannelNaming.unit("??"));
        assertEquals("mv", WfdbChannelNaming.unit(null));
        assertEquals("s12_lead", WfdbChannelNaming.quantity("12-lead", 1));
        assertEquals("signal4", WfdbChannelNaming.quantity(" -- ", 4));
    }

    // ---- metadata ------------------------------------------------------------------------------

    private Path oneSampleRecord(String name) throws IOException {
        file(name + ".let", Wfdb212Encoder.encode(7));
        return file(name + ".hea", name + " 1 300 1\n" + name + ".let 212 3000 12 0 7 7 0 left-foot\n");
    }

    @Test
    void readsBodyMassBesideTheRecordByColumnName() throws IOException {
        Path hea = oneSampleRecord("subj3");
        file(GaitnddSubjectTable.FILE_NAME, "\tWeight(kg)\tGROUP\nsubj1\t70\tcontrol\nsubj3\t81.5\tpark\n");
        Recording r = read(hea);
        assertEquals(81.5, r.metadata().bodyMassKg());
        assertEquals("wfdb", r.metadata().properties().get("source_format"));
        assertEquals("subj3", r.metadata().properties().get("record"));
        assertEquals("subj3", r.metadata().properties().get("subject"));
        assertEquals("park", r.metadata().properties().get("subject.GROUP"));
        assertEquals("left-foot", r.metadata().properties().get("description.left.insole.force_au"));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void missingWeightIsAWarningAndAnUnknownMass() throws IOException {
        Path hea = oneSampleRecord("subj3");
        file(GaitnddSubjectTable.FILE_NAME, "\tGROUP\tWeight(kg)\nsubj3\tals\tMISSING\n");
        Recording r = read(hea);
        assertTrue(Double.isNaN(r.metadata().bodyMassKg()));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains(GaitnddSubjectTable.FILE_NAME + ":2:11:"), r.warnings().get(0));
        assertTrue(r.warnings().get(0).contains("MISSING"), r.warnings().get(0));
    }

    @Test
    void aSubjectDescriptionThatCannotBeReadIsAWarningNamingItAndWhy() throws IOException {
        Path hea = oneSampleRecord("subj3");
        Path table = Files.createDirectory(dir.resolve(GaitnddSubjectTable.FILE_NAME));
        Recording r = read(hea);
        assertTrue(Double.isNaN(r.metadata().bodyMassKg()));
        assertEquals(1, r.length());
        assertEquals(List.of(table + ": cannot be read (Is a directory); body mass unknown"), r.warnings());
    }

    @Test
    void recordWithoutARowIsAWarning() throws IOException {
        Path hea = oneSampleRecord("subj9");
        file(GaitnddSubjectTable.FILE_NAME, "\tWeight(kg)\nsubj1\t70\n");
        Recording r = read(hea);
        assertTrue(Double.isNaN(r.metadata().bodyMassKg()));
        assertTrue(r.warnings().get(0).contains("no row for record 'subj9'"), r.warnings().toString());
    }

    @Test
    void anExplicitMassThatDiffersFromTheSubjectTableIsSaid() throws IOException {
        Path hea = oneSampleRecord("subj3");
        file(GaitnddSubjectTable.FILE_NAME, "\tWeight(kg)\nsubj3\t81.5\n");
        Recording r = read(hea, new ReadOptions(RecordingFormat.WFDB, Double.NaN, 60));
        assertEquals(60, r.metadata().bodyMassKg());
        assertEquals(List.of(hea + ": --mass 60.0 kg overrides subject-description.txt's body mass of 81.5 kg"),
                r.warnings(), "the record is named, so that a warning among several records' tells which");
    }

    @Test
    void optionsWinOverTheFile() throws IOException {
        Path hea = oneSampleRecord("subj3");
        file(GaitnddSubjectTable.FILE_NAME, "\tWeight(kg)\nsubj3\tMISSING\n");
        Recording r = read(hea, new ReadOptions(RecordingFormat.WFDB, 100, 60));
        assertEquals(60, r.metadata().bodyMassKg());
        assertEquals(100, r.sampleRateHz());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("subj3.hea:1:9: --rate 100.0 Hz overrides the header's 300.0 Hz"), r.warnings().get(0));
    }

    @Test
    void otherFormatInOptionsIsAMisuse() throws IOException {
        Path hea = oneSampleRecord("subj3");
        assertThrows(IllegalArgumentException.class,
                () -> read(hea, new ReadOptions(RecordingFormat.MOTICON, Double.NaN, Double.NaN)));
    }

    @Test
    void recordNameUnlikeTheFileNameIsAWarning() throws IOException {
        file("x.let", Wfdb212Encoder.encode(7));
        Path hea = file("y.hea", "x 1 300 1\nx.let 212 3000 12 0 7 7 0 left-foot\n");
        Recording r = read(hea);
        assertTrue(r.warnings().get(0).contains("record name 'x' differs from the file name 'y.hea'"),
                r.warnings().toString());
    }

    // ---- warnings about the signal files -------------------------------------------------------

    @Test
    void shortFileIsReadWithAWarningGivingTheCounts() throws IOException {
        int[] adu = {1, 2, 3, 4};
        file("rec.dat", Wfdb212Encoder.encode(adu));
        Path hea = file("rec.hea", "rec 1 100 6\nrec.dat 212 1 12 0 1 " + Wfdb212Encoder.checksum(1, 2, 3, 4, 5, 6) + " 0 x\n");
        Recording r = read(hea);
        assertEquals(4, r.length());
        assertArrayEquals(new float[] {1, 2, 3, 4}, r.channel("none.signal.x_mv").samples());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.startsWith(dir.resolve("rec.dat") + ": holds only 4 of the 6 samples per signal that "
                + hea + ":1:11 declares"), w);
    }

    @Test
    void fileCutInsideAPairDropsThePartialPairAndSaysSo() throws IOException {
        int[] adu = {1, 2, 3, 4};
        byte[] cut = java.util.Arrays.copyOf(Wfdb212Encoder.encode(adu), 5);
        file("rec.dat", cut);
        Path hea = file("rec.hea", "rec 1 100 4\nrec.dat 212 1 12 0 1 10 0 x\n");
        Recording r = read(hea);
        assertArrayEquals(new float[] {1, 2}, r.channel("none.signal.x_mv").samples());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("rec.dat: ends 2 byte(s) into a format-212 sample pair;"
                + " the incomplete pair was dropped"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).contains("holds only 2 of the 4 samples"), r.warnings().get(1));
    }

    @Test
    void separateFilesOfUnequalLengthStopAtTheShorter() throws IOException {
        file("rec.let", Wfdb212Encoder.encode(1, 2, 3, 4));
        file("rec.rit", Wfdb212Encoder.encode(5, 6));
        Path hea = file("rec.hea", "rec 2 300 4\nrec.let 212 1 12 0 1 10 0 left-foot\n"
                + "rec.rit 212 1 12 0 5 26 0 right-foot\n");
        Recording r = read(hea);
        assertEquals(2, r.length());
        assertArrayEquals(new float[] {5, 6}, r.channel("right.insole.force_au").samples());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith(dir.resolve("rec.rit") + ": holds only 2 of the 4"),
                r.warnings().get(0));
    }

    @Test
    void aShortFileSaysTheOtherSignalsAreCutTooAndNamesFilesAsGiven() throws IOException {
        file("rec.let", Wfdb212Encoder.encode(1, 2, 3, 4));
        file("rec.rit", Wfdb212Encoder.encode(5, 6));
        file("rec.ts", Wfdb212Encoder.encode(7, 8, 9, 10));
        file("rec.hea", "rec 3 300 4\nrec.let 212 1 12 0 1 10 0 left-foot\nrec.rit 212 1 12 0 5 26 0 right-foot\n"
                + "rec.ts 212 1 12 0 7 34 0 time\n");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath()).resolve("rec.hea");
        Recording r = read(relative);
        assertEquals(2, r.length());
        assertArrayEquals(new float[] {1, 2}, r.channel("left.insole.force_au").samples());
        Path folder = relative.getParent();
        assertEquals(List.of(folder.resolve("rec.rit") + ": holds only 2 of the 4 samples per signal that " + relative
                + ":1:11 declares; read the 2 there are, and only as many of " + folder.resolve("rec.let") + ", "
                + folder.resolve("rec.ts") + ", so that the signals end together"), r.warnings());
    }

    /**
     * Without a sample count, separate files one sample apart: the longer one's last sample, read
     * for a frame the shorter one cannot finish, is told as left out as any longer excess is,
     * and the checksums (over all of each file) are not held against the samples read.
     */
    @Test
    void aFileOneSampleLongerWithoutASampleCountIsToldAsLonger() throws IOException {
        file("rec.let", Wfdb212Encoder.encode(1, 2, 3));
        file("rec.rit", Wfdb212Encoder.encode(5, 6));
        Path hea = file("rec.hea", "rec 2 300\nrec.let 212 1 12 0 1 6 0 left-foot\n"
                + "rec.rit 212 1 12 0 5 11 0 right-foot\n");
        Recording r = read(hea);
        assertEquals(2, r.length());
        assertEquals(List.of(dir.resolve("rec.let") + ": holds more samples than " + dir.resolve("rec.rit")
                + ", which ends after 2 per signal; the rest was ignored"), r.warnings());
    }

    @Test
    void incompleteInterleavedFrameIsDropped() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1, 2, 3, 4, 5));
        Path hea = file("rec.hea", "rec 2 100\nrec.dat 212 1 12 0 1 9 0 a\nrec.dat 212 1 12 0 2 6 0 b\n");
        Recording r = read(hea);
        assertEquals(2, r.length());
        assertEquals(List.of(dir.resolve("rec.dat") + ": ends inside a frame (1 of 2 interleaved signals present);"
                + " the incomplete frame was dropped"), r.warnings());
    }

    @Test
    void unknownLengthReadsToTheEndAndStillVerifiesChecksums() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1, 2, 3));
        Path hea = file("rec.hea", "rec 1\nrec.dat 212 1 12 0 1 7 0 a\n");
        Recording r = read(hea);
        assertEquals(3, r.length());
        assertEquals(250, r.sampleRateHz());
        assertEquals(List.of(hea + ":1: the record line gives no sampling frequency, so WFDB's default of 250.0 Hz"
                + " is used; give --rate if the record was sampled otherwise"), r.warnings().subList(0, 1));
        assertEquals(2, r.warnings().size());
        assertEquals("default", r.metadata().properties().get(RecordingMetadata.SAMPLE_RATE_SOURCE));
        assertTrue(r.warnings().get(1).contains("rec.hea:2:22: checksum of signal 1 ('a') over its 3 samples is 6,"
                + " the header says 7"), r.warnings().get(1));
    }

    @Test
    void givenRateStandsInForAMissingOneWithoutAWarning() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1, 2, 3));
        Path hea = file("rec.hea", "rec 1\nrec.dat 212 1 12 0 1 6 0 a\n");
        Recording r = read(hea, new ReadOptions(RecordingFormat.WFDB, 300, Double.NaN));
        assertEquals(300, r.sampleRateHz());
        assertEquals(List.of(), r.warnings());
        assertFalse(r.metadata().properties().containsKey(RecordingMetadata.SAMPLE_RATE_SOURCE));
    }

    @Test
    void checksumMismatchIsAWarningAndTheSamplesStay() throws IOException {
        int[] adu = {100, -200, 300};
        file("rec.dat", Wfdb212Encoder.encode(adu));
        Path hea = file("rec.hea", "rec 1 100 3\nrec.dat 212 1 12 0 100 999 0 x\n");
        Recording r = read(hea);
        assertArrayEquals(new float[] {100, -200, 300}, r.channel("none.signal.x_mv").samples());
        assertEquals(List.of(hea + ":2:24: checksum of signal 1 ('x') over its 3 samples is 200, the header says 999;"
                + " the samples may be corrupt"), r.warnings());
    }

    @Test
    void checksumIsComparedModulo65536() throws IOException {
        int[] adu = new int[40];
        java.util.Arrays.fill(adu, 2000); // sum 80000 = 14464 modulo 65536
        file("rec.dat", Wfdb212Encoder.encode(adu));
        Path hea = file("rec.hea", "rec 1 100 40\nrec.dat 212 1 12 0 2000 14464 0 x\n");
        assertEquals(List.of(), read(hea).warnings());
    }

    @Test
    void longerFileIsReadToTheDeclaredCountWithAWarning() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1, 2, 3, 4, 5, 6));
        Path hea = file("rec.hea", "rec 1 100 4\nrec.dat 212 1 12 0 1 10 0 x\n");
        Recording r = read(hea);
        assertEquals(4, r.length());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("rec.dat: holds more than the 4 samples per signal"),
                r.warnings().get(0));
    }

    @Test
    void paddingAfterAnOddCountIsNotExtraData() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1, 2, 3, 0));
        Path hea = file("rec.hea", "rec 1 100 3\nrec.dat 212 1 12 0 1 6 0 x\n");
        Recording r = read(hea);
        assertEquals(3, r.length());
        assertEquals(List.of(), r.warnings());
    }

    // ---- failures -------------------------------------------------------------------------------

    @Test
    void missingHeaderFails() {
        DataFormatException e = failure(dir.resolve("none.hea"));
        assertEquals(dir.resolve("none.hea"), e.file());
        assertTrue(e.getMessage().contains("WFDB header not found"), e.getMessage());
    }

    @Test
    void headerWithoutRecordLineFails() throws IOException {
        DataFormatException e = failure(file("rec.hea", "# only a comment\n\n"));
        assertTrue(e.getMessage().contains("no record line"), e.getMessage());
    }

    @Test
    void malformedNumberOfSignalsNamesLineAndColumn() throws IOException {
        DataFormatException e = failure(file("rec.hea", "# c\nrec  two 300 90000\n"));
        assertEquals(2, e.line());
        assertEquals(6, e.column());
        assertEquals(dir.resolve("rec.hea") + ":2:6: expected an integer number of signals, found 'two'",
                e.getMessage());
    }

    @Test
    void malformedSamplingFrequencyNamesItsColumn() throws IOException {
        DataFormatException e = failure(file("rec.hea", "rec 1 fast 10\nrec.dat 212\n"));
        assertEquals(1, e.line());
        assertEquals(7, e.column());
    }

    /**
     * A sampling frequency outside the rates {@code --rate} takes ({@link ReadOptions#isSampleRate})
     * is an error at its column, not an overflow further on or a recording of a few nanoseconds;
     * with {@code --rate} given, a warning, and the given rate is used.
     */
    @Test
    void aSamplingFrequencyBeyondTheRatesTakenNamesItsColumn() throws IOException {
        file("rec.let", Wfdb212Encoder.encode(7));
        for (String rate : new String[] {"1e308", "1e7", "1e20", "1e-300", "0", "-5"}) {
            Path hea = file("rec.hea", "rec 1 " + rate + " 1\nrec.let 212 3000 12 0 7 7 0 left-foot\n");
            assertEquals(hea + ":1:7: sampling frequency: expected a rate in Hz from 0.001 to 1000000, got '" + rate + "'"
                    + " (correct it, or give --rate HZ)", failure(hea).getMessage());
            Recording r = read(hea, new ReadOptions(null, 100, Double.NaN));
            assertEquals(100, r.sampleRateHz());
            assertEquals(List.of(hea + ":1:7: sampling frequency: expected a rate in Hz from 0.001 to 1000000, got '" + rate
                    + "'; not used: --rate 100.0 Hz is given"), r.warnings());
        }
        Path counter = file("rec.hea", "rec 1 2e6/100(0) 1\nrec.let 212 3000 12 0 7 7 0 left-foot\n");
        assertEquals(counter + ":1:7: sampling frequency: expected a rate in Hz from 0.001 to 1000000, got '2e6/100(0)'"
                + " (correct it, or give --rate HZ)", failure(counter).getMessage());
        assertEquals(1e6, read(file("rec.hea", "rec 1 1e6 1\nrec.let 212 3000 12 0 7 7 0 left-foot\n")).sampleRateHz());
    }

    /** A rate a row of a table of subjects gives is named by the row, where the header's is unusable or another. */
    @Test
    void aRateGivenByARowIsNamedByTheRow() throws IOException {
        file("rec.let", Wfdb212Encoder.encode(7));
        ReadOptions row = ReadOptions.DEFAULTS.withSampleRate(250, "--subjects s.csv:2");
        Path bad = file("rec.hea", "rec 1 0 1\nrec.let 212 3000 12 0 7 7 0 left-foot\n");
        assertEquals(List.of(bad + ":1:7: sampling frequency: expected a rate in Hz from 0.001 to 1000000, got '0';"
                + " not used: --subjects s.csv:2 250.0 Hz is given"), read(bad, row).warnings());
        Path other = file("rec.hea", "rec 1 300 1\nrec.let 212 3000 12 0 7 7 0 left-foot\n");
        Recording r = read(other, row);
        assertEquals(250, r.sampleRateHz());
        assertEquals(List.of(other + ":1:7: --subjects s.csv:2 250.0 Hz overrides the header's 300.0 Hz"), r.warnings());
    }

    @Test
    void malformedGainNamesItsColumn() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1));
        DataFormatException e = failure(file("rec.hea", "rec 1 300 1\nrec.dat 212 3000(x)/mV 12 0 1 1 0 a\n"));
        assertEquals(2, e.line());
        assertEquals(13, e.column());
        assertTrue(e.getMessage().contains("expected an ADC gain like 200, 200(1024) or 200(1024)/mV, found"
                + " '3000(x)/mV'"), e.getMessage());
    }

    @Test
    void malformedChecksumNamesItsColumn() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1));
        DataFormatException e = failure(file("rec.hea", "rec 1 300 1\nrec.dat 212 3000 12 0 1 1.5 0 a\n"));
        assertEquals(2, e.line());
        assertEquals(25, e.column());
        assertTrue(e.getMessage().contains("expected an integer checksum, found '1.5'"), e.getMessage());
    }

    @Test
    void unsupportedFormatNamesHeaderLineAndColumn() throws IOException {
        file("rec.dat", new byte[8]);
        Path hea = file("rec.hea", "rec 2 300 2\nrec.dat 212 3000 12 0 0 0 0 a\nrec.dat\t310 3000 12 0 0 0 0 b\n");
        DataFormatException e = failure(hea);
        assertEquals(hea + ":3:9: signal format 310 is not supported; supported formats: 212, 16, 80",
                e.getMessage());
    }

    @Test
    void samplesPerFrameAndSkewAreRefused() throws IOException {
        assertTrue(failure(file("a.hea", "a 1 300 1\na.dat 212x2 1\n")).getMessage()
                .contains("a.hea:2:11: 2 samples per frame are not supported"));
        assertTrue(failure(file("b.hea", "b 1 300 1\nb.dat 16:3 1\n")).getMessage()
                .contains("b.hea:2:10: a skew of 3 samples is not supported"));
    }

    @Test
    void multiSegmentRecordIsRefused() throws IOException {
        DataFormatException e = failure(file("rec.hea", "rec/3 2 300 9\n"));
        assertEquals(1, e.line());
        assertEquals(4, e.column());
        assertTrue(e.getMessage().contains("multi-segment record"), e.getMessage());
    }

    @Test
    void fewerSignalLinesThanDeclaredFail() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1));
        DataFormatException e = failure(file("rec.hea", "rec 2 300 1\nrec.dat 212 3000 12 0 1 1 0 a\n"));
        assertEquals(dir.resolve("rec.hea") + ":1:5: the record line declares 2 signal(s) but the header describes 1",
                e.getMessage());
    }

    @Test
    void extraSignalLineFails() throws IOException {
        file("rec.dat", Wfdb212Encoder.encode(1));
        DataFormatException e = failure(file("rec.hea", "rec 1 300 1\nrec.dat 212 3000 12 0 1 1 0 a\nrec.dat 212\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unexpected line"), e.getMessage());
    }

    @Test
    void sharedFileOnNonConsecutiveLinesFails() throws IOException {
        DataFormatException e = failure(file("rec.hea", "rec 3 300 1\na.dat 212\nb.dat 212\na.dat 212\n"));
        assertEquals(4, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void missingSignalFileSaysWhichAndWhere() throws IOException {
        file("rec.let", Wfdb212Encoder.encode(1));
        Path hea = file("rec.hea", "rec 2 300 1\nrec.let 212 3000 12 0 1 1 0 left-foot\n"
                + "rec.rit 212 3000 12 0 1 1 0 right-foot\n");
        DataFormatException e = failure(hea);
        assertEquals(hea + ":3:1: signal file 'rec.rit' not found; looked for " + dir.toAbsolutePath().resolve("rec.rit"),
                e.getMessage());
    }

    /** A header that names itself as its signal file (a copy-and-paste slip) is refused at that name. */
    @Test
    void aHeaderNamingItselfAsItsSignalFileIsRefused() throws IOException {
        Path hea = file("rec.hea", "rec 1 300 1\nrec.hea 212 3000 12 0 1 1 0 left-foot\n");
        assertEquals(hea + ":2:1: signal file 'rec.hea' is this header itself, expected the file of samples",
                failure(hea).getMessage());
        // through a link to it, which would otherwise be read as samples
        Path linked = file("linked.hea", "linked 1 300 1\nlinked.let 212 3000 12 0 1 1 0 left-foot\n");
        Files.createSymbolicLink(dir.resolve("linked.let"), linked.getFileName());
        assertEquals(linked + ":2:1: signal file 'linked.let' is this header itself, expected the file of samples",
                failure(linked).getMessage());
    }

    /** A signal file's name that is a folder is told as such, not as a file not found. */
    @Test
    void aSignalFileThatIsAFolderIsToldSo() throws IOException {
        file("rec.let", Wfdb212Encoder.encode(1));
        Files.createDirectories(dir.resolve("rec.rit"));
        Path hea = file("rec.hea", "rec 2 300 1\nrec.let 212 3000 12 0 1 1 0 left-foot\n"
                + "rec.rit 212 3000 12 0 1 1 0 right-foot\n");
        assertEquals(hea + ":3:1: signal file 'rec.rit' is a directory, " + dir.toAbsolutePath().resolve("rec.rit")
                + ", not a file of samples", failure(hea).getMessage());
    }

    /** A header names its signal files in its own folder: an absolute path or one up from it is refused, a subfolder taken. */
    @Test
    void signalFilesOutsideTheHeadersFolderAreRefused() throws IOException {
        for (String outside : new String[] {"/etc/passwd", "../rec.dat", "sub/../../rec.dat", "C:\\rec.dat"}) {
            Path hea = file("rec.hea", "rec 1 300 1\n" + outside + " 212 3000 12 0 1 1 0 left-foot\n");
            DataFormatException e = failure(hea);
            assertEquals(hea + ":2:1: expected a signal file in the header's folder (or below it), found '" + outside + "'",
                    e.getMessage());
        }
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub").resolve("rec.dat"), Wfdb212Encoder.encode(1, 2));
        Path below = file("below.hea", "below 1 300 2\nsub/rec.dat 212 3000 12 0 1 3 0 left-foot\n");
        assertEquals(2, read(below).length());
    }

    @Test
    void signalFileWithoutAWholeSampleFails() throws IOException {
        file("rec.dat", new byte[] {1});
        DataFormatException e = failure(file("rec.hea", "rec 1 300 1\nrec.dat 212 3000 12 0 1 1 0 a\n"));
        assertEquals(dir.resolve("rec.dat"), e.file());
        assertTrue(e.getMessage().contains("holds no whole frame of samples (1 bytes, format 212"), e.getMessage());
    }
}
