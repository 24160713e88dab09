package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;
import org.soleus.io.SampleData;

final class RecordingWriterRoundTripTest {
    private static final long SEED = 4242L;

    @TempDir
    Path dir;

    private static Recording randomRecording(Random rnd, double rateHz, double startS, int length) {
        List<ChannelName> names = List.of(ChannelName.parse("left.insole.force_n"), ChannelName.parse("left.insole.cell01_n"),
                ChannelName.parse("left.insole.cell03_n"), ChannelName.parse("right.insole.cell01_n"),
                ChannelName.parse("right.foot.gyr_x_dps"), ChannelName.parse("none.pelvis.acc_z_mps2"));
        List<Channel> channels = new ArrayList<>();
        for (ChannelName name : names) {
            float[] s = new float[length];
            for (int i = 0; i < length; i++) {
                switch (rnd.nextInt(6)) {
                    case 0 -> s[i] = Float.NaN;
                    case 1 -> s[i] = Float.intBitsToFloat(rnd.nextInt() & 0x7F7FFFFF | (rnd.nextBoolean() ? 0x80000000 : 0));
                    case 2 -> s[i] = rnd.nextBoolean() ? -0f : 0f;
                    default -> s[i] = Math.round(rnd.nextGaussian() * 50000) / 100f;
                }
            }
            channels.add(new Channel(name, s));
        }
        Map<Side, InsoleLayout> layouts = new EnumMap<>(Side.class);
        layouts.put(Side.LEFT, new InsoleLayout("m", 0.27, List.of(new InsoleCell("cell01", -0.031, 0.02, 1.5e-4),
                new InsoleCell("cell03", 0.1, 0.25, Double.NaN))));
        layouts.put(Side.RIGHT, new InsoleLayout("au", Double.NaN, List.of(new InsoleCell("cell01", 500, -800, Double.NaN))));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("start_time", "2024-05-01T10:00:00.125");
        properties.put("sensor_placement", "insole under both feet, IMU on the right instep");
        properties.put("notes", " two lines\nwith a tab\tand a back\\slash, and: a colon ");
        properties.put("empty", "");
        return new Recording("test", rateHz, startS, channels, new RecordingMetadata(71.25, layouts, properties),
                List.of("line 9: something odd\nsecond line"));
    }

    /**
     * Reads {@code file} back and checks it holds {@code expected}; the warnings come back
     * located at the {@code # warning:} lines that hold them.
     */
    private static void assertReadsBack(Recording expected, Path file) throws IOException {
        Recording actual = Recordings.read(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> located = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("# warning: ")) {
                located.add(file + ":" + (i + 1) + ": " + expected.warnings().get(located.size()));
            }
        }
        assertEquals(expected.warnings().size(), located.size(), lines.toString());
        assertSame(expected, actual);
        assertEquals(located, actual.warnings());
    }

    private static void assertSame(Recording expected, Recording actual) {
        assertEquals(expected.sampleRateHz(), actual.sampleRateHz());
        assertEquals(expected.startTimeS(), actual.startTimeS());
        assertEquals(expected.channelNames(), actual.channelNames());
        for (int c = 0; c < expected.channels().size(); c++) {
            assertArrayEquals(expected.channels().get(c).samples(), actual.channels().get(c).samples(),
                    "seed " + SEED + ", channel " + expected.channelNames().get(c));
        }
        assertEquals(expected.metadata(), actual.metadata());
        assertEquals(new ArrayList<>(expected.metadata().properties().keySet()),
                new ArrayList<>(actual.metadata().properties().keySet()), "property order");
    }

    @Test
    void writeThenReadGivesTheSameRecording() throws IOException {
        Random rnd = new Random(SEED);
        for (boolean timeColumn : new boolean[] {true, false}) {
            Recording original = randomRecording(rnd, 204.8, 12.5, 5000);
            Path file = dir.resolve("roundtrip-" + timeColumn + ".csv");
            RecordingWriter.write(original, file, new RecordingWriter.Options(timeColumn, 0));
            assertEquals(RecordingFormat.SOLEUS_CSV, FormatDetector.detect(file));
            assertReadsBack(original, file);
        }
    }

    @Test
    void recordingsFromOtherFormatsRoundTrip() throws IOException {
        Path[] files = {SampleData.of("physionet-gaitpdb", "JuCo01_01.txt"),
            SampleData.of("moticon-opengo", "230927_102114.txt")};
        for (Path source : files) {
            Recording original = Recordings.read(source);
            Path file = dir.resolve(source.getFileName() + ".csv");
            RecordingWriter.write(original, file, RecordingWriter.Options.DEFAULTS);
            assertReadsBack(original, file);
            assertEquals(EventTiming.of(original.metadata()), EventTiming.of(Recordings.read(file).metadata()),
                    source + ": the event timing it names");
        }
        assertEquals(EventTiming.LOAD_LEVELS, EventTiming.of(Recordings.read(files[1]).metadata()), "a Moticon export's");
    }

    @Test
    void writesTheDocumentedLayout() throws IOException {
        ChannelName force = ChannelName.parse("left.insole.force_n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordingWriter w = new RecordingWriter(out, RecordingWriter.Options.DEFAULTS);
        w.start(new RecordingHeader("x", 100, 0, List.of(force, ChannelName.parse("right.insole.force_n")),
                RecordingMetadata.EMPTY.withProperty("subject", "S1")));
        w.accept(new float[] {612.5f, Float.NaN});
        w.accept(new float[] {-0f, 1e-7f});
        w.end(List.of());
        assertEquals("# format: soleus-csv 1\n# sample_rate_hz: 100.0\n# start_time_s: 0.0\n# subject: S1\n"
                + "time_s,left.insole.force_n,right.insole.force_n\n0,612.5,\n0.01,-0,1E-7\n",
                out.toString(StandardCharsets.UTF_8));
    }

    /**
     * An infinite value (a device's {@code inf}) has no magnitude and would make the file one its
     * readers refuse: it is written as missing and counted in a warning, and the file reads back.
     */
    @Test
    void anInfiniteValueIsWrittenAsMissingAndTold(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("inf.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            RecordingWriter w = new RecordingWriter(out, RecordingWriter.Options.DEFAULTS);
            w.start(new RecordingHeader("x", 100, 0, List.of(ChannelName.parse("left.insole.force_n")), RecordingMetadata.EMPTY));
            w.accept(new float[] {600f});
            w.accept(new float[] {Float.POSITIVE_INFINITY});
            w.accept(new float[] {Float.NEGATIVE_INFINITY});
            w.accept(new float[] {610f});
            w.end(List.of());
        }
        Recording back = Recordings.read(file, new ReadOptions(null, Double.NaN, 70));
        assertArrayEquals(new float[] {600f, Float.NaN, Float.NaN, 610f}, back.channel("left.insole.force_n").samples());
        assertTrue(back.warnings().stream().anyMatch(w -> w.endsWith("2 infinite values (a device's inf, or a value beyond"
                + " a float's range) written as missing")), back.warnings().toString());
    }

    @Test
    void flushIntervalPushesRowsOut() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordingWriter w = new RecordingWriter(out, new RecordingWriter.Options(false, 1.0));
        w.start(new RecordingHeader("live", 10, 0, List.of(ChannelName.parse("left.insole.force_n")), RecordingMetadata.EMPTY));
        int afterHeader = out.size();
        for (int i = 0; i < 9; i++) {
            w.accept(new float[] {i});
        }
        assertEquals(afterHeader, out.size(), "nothing is pushed before a second of samples");
        w.accept(new float[] {9});
        assertTrue(out.size() > afterHeader, "a second of samples (10 rows at 10 Hz) is pushed out");
        w.accept(new float[] {10});
        int before = out.size();
        w.flush();
        assertEquals(before + 3, out.size(), "flush() pushes the pending row '10\\n'");
    }

    @Test
    void rejectsPropertyKeysTheFormatCannotHold() {
        RecordingWriter w = new RecordingWriter(new ByteArrayOutputStream(), RecordingWriter.Options.DEFAULTS);
        RecordingHeader header = new RecordingHeader("x", 100, 0, List.of(ChannelName.parse("left.insole.force_n")),
                RecordingMetadata.EMPTY.withProperty("sample_rate_hz", "5"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.start(header));
        assertTrue(e.getMessage().contains("sample_rate_hz"), e.getMessage());
    }

    @Test
    void readsHandWrittenFilesWithoutTheFormatLine() throws IOException {
        Path file = dir.resolve("hand.csv");
        Files.writeString(file, "time_s,left.insole.force_n\r\n0.00,1\r\n0.02,2\r\n0.04,NaN\r\n0.06,\r\n");
        assertEquals(RecordingFormat.SOLEUS_CSV, FormatDetector.detect(file));
        Recording r = Recordings.read(file);
        assertEquals(50.0, r.sampleRateHz());
        assertArrayEquals(new float[] {1, 2, Float.NaN, Float.NaN}, r.channel("left.insole.force_n").samples());
    }
}
