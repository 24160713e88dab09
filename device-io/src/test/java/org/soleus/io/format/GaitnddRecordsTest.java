package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;

/** The WFDB reader on the seven shipped PhysioNet gaitndd records. */
final class GaitnddRecordsTest {

    /** Records with the invalid-sample code in a signal: one warning each (the floor in control2, missing in als1). */
    private static final Map<String, Integer> INVALID_CODE_WARNINGS = Map.of("control2", 1, "als1", 1);
    private static final List<ChannelName> FEET = List.of(
            ChannelName.parse("left.insole.force_au"), ChannelName.parse("right.insole.force_au"));

    private static Recording read(Path hea, WfdbReader reader) throws IOException {
        RecordingBuilder builder = new RecordingBuilder(90_000);
        reader.read(hea, ReadOptions.DEFAULTS, builder);
        return builder.build();
    }

    private static Recording read(String record) throws IOException {
        return read(GaitnddSampleData.header(record), new WfdbReader());
    }

    @Test
    void control1HasTwoFootChannelsAt300HzWithBodyMassAndValidChecksums() throws IOException {
        Recording r = read("control1");
        assertEquals(FEET, r.channelNames());
        assertEquals(300, r.sampleRateHz());
        assertEquals(90_000, r.length());
        assertEquals(300, r.durationS(), 1e-9);
        assertEquals(95, r.metadata().bodyMassKg());
        assertEquals(List.of(), r.warnings(), "checksums and sample counts agree with the header");
        Map<String, String> p = r.metadata().properties();
        assertEquals("wfdb", p.get("source_format"));
        assertEquals("control1", p.get("record"));
        assertEquals("left-foot", p.get("description.left.insole.force_au"));
        assertEquals("right-foot", p.get("description.right.insole.force_au"));
        assertEquals("control", p.get("subject.GROUP"));
        assertEquals("57", p.get("subject.AGE(YRS)"));
    }

    @Test
    void control1FirstSamplesMatchAnIndependentDecoding() throws IOException {
        // ADC values decoded from control1.let/.rit with NumPy; gain 3000, baseline 0.
        int[] left = {503, 503, 502, 503, 503, 503};
        int[] right = {-157, -158, -159, -158, -157, -156};
        Recording r = read("control1");
        for (int i = 0; i < left.length; i++) {
            assertEquals(left[i] / 3000f, r.channel("left.insole.force_au").get(i), 1e-7, "left " + i);
            assertEquals(right[i] / 3000f, r.channel("right.insole.force_au").get(i), 1e-7, "right " + i);
        }
    }

    @Test
    void everyRecordReadsCleanlyWithItsSubjectsBodyMass() throws IOException {
        Map<String, Double> massKg = Map.of("control1", 95.0, "control2", 70.0, "park1", 86.0, "park2", 54.0,
                "hunt1", 72.0, "hunt2", 58.0, "als1", 86.18);
        for (Map.Entry<String, Double> e : massKg.entrySet()) {
            Recording r = read(e.getKey());
            assertEquals(FEET, r.channelNames(), e.getKey());
            assertEquals(90_000, r.length(), e.getKey());
            assertEquals(e.getValue(), r.metadata().bodyMassKg(), 1e-9, e.getKey());
            assertEquals(INVALID_CODE_WARNINGS.getOrDefault(e.getKey(), 0), r.warnings().size(),
                    e.getKey() + ": " + r.warnings());
        }
    }

    /**
     * control2.let holds one −2048 in a swing, between −2047 and −2046: the ADC's lowest code,
     * read as its lowest value. als1.rit starts with −2048, which has no sample before it and
     * stays missing.
     */
    @Test
    void theInvalidCodeAtTheAdcFloorIsTheFloorAndElsewhereMissing() throws IOException {
        Recording control2 = read("control2");
        Channel left = control2.channel("left.insole.force_au");
        assertEquals(0, left.missingCount());
        assertEquals(0, control2.channel("right.insole.force_au").missingCount());
        assertEquals((float) (-2047 / 3000.0), left.stats().min(), "the lowest value, at the floor (gain 3000)");
        Recording als1 = read("als1");
        assertTrue(Float.isNaN(als1.channel("right.insole.force_au").get(0)), "als1.rit starts with -2048");
        assertEquals(1, als1.channel("right.insole.force_au").missingCount());
        assertEquals(0, read("control1").channel("left.insole.force_au").missingCount());
    }

    @Test
    void smallReadBuffersGiveTheSameSamples() throws IOException {
        Recording reference = read("hunt1");
        for (int buffer : new int[] {3, 4, 7, 1000}) {
            Recording r = read(GaitnddSampleData.header("hunt1"), new WfdbReader(buffer));
            for (ChannelName name : FEET) {
                assertArrayEquals(reference.find(name).orElseThrow().samples(), r.find(name).orElseThrow().samples(),
                        name + ", buffer " + buffer);
            }
        }
    }

    @Test
    void aWrongChecksumOnRealDataIsReported(@TempDir Path dir) throws IOException {
        Path source = GaitnddSampleData.dir();
        Files.copy(source.resolve("control1.let"), dir.resolve("control1.let"));
        Files.copy(source.resolve("control1.rit"), dir.resolve("control1.rit"));
        String header = Files.readString(source.resolve("control1.hea"), StandardCharsets.US_ASCII)
                .replace(" 22230 ", " 22231 ");
        Path hea = Files.writeString(dir.resolve("control1.hea"), header, StandardCharsets.US_ASCII);
        Recording r = read(hea, new WfdbReader());
        assertEquals(List.of(hea + ":2:32: checksum of signal 1 ('left-foot') over its 90000 samples is 22230,"
                + " the header says 22231; the samples may be corrupt"), r.warnings());
        assertTrue(Double.isNaN(r.metadata().bodyMassKg()), "no subject-description.txt beside the copy");
    }

    /**
     * A record whose swing level lies below the ADC's range: control2's left foot moved down so
     * that its lowest 5 % of samples fall below the floor. Written once with the ADC's lowest code
     * (−2048, format 212's invalid code, as such an ADC writes it) and once clipped to −2047, both
     * read alike: every run of the lowest code lies between samples at the bottom of the range.
     */
    @Test
    void aSwingBelowTheAdcRangeReadsAsIfClippedToItsLowestValue(@TempDir Path dir) throws IOException {
        float[] left = read("control2").channel("left.insole.force_au").samples();
        int[] adu = new int[left.length];
        for (int i = 0; i < left.length; i++) {
            adu[i] = Math.round(left[i] * 3000);
        }
        int[] sorted = adu.clone();
        Arrays.sort(sorted);
        int shift = -2048 - sorted[(int) (0.05 * sorted.length)];
        int[] lowestCode = new int[adu.length];
        int[] clipped = new int[adu.length];
        for (int i = 0; i < adu.length; i++) {
            int v = Math.min(2047, adu[i] + shift);
            lowestCode[i] = Math.max(-2048, v);
            clipped[i] = Math.max(-2047, v);
        }
        Recording floorCoded = read(record(dir, "lowest", lowestCode), new WfdbReader());
        Recording valid = read(record(dir, "clipped", clipped), new WfdbReader());

        long below = Arrays.stream(lowestCode).filter(v -> v == -2048).count();
        assertTrue(below > 0.04 * adu.length, below + " samples at the lowest code");
        assertArrayEquals(valid.channel("left.insole.force_au").samples(),
                floorCoded.channel("left.insole.force_au").samples());
        assertEquals(List.of(dir.resolve("lowest.hea") + ":2: signal 1 (left-foot): " + below + " samples of the"
                + " invalid-sample code -2048 between samples at the bottom of the ADC's range read as its lowest value"
                + " -2047 (the sensor below the range: in format 212 the ADC's lowest code is the invalid-sample code)"),
                floorCoded.warnings().stream().filter(w -> !w.contains("checksum")).toList());
    }

    private static Path record(Path dir, String name, int[] adu) throws IOException {
        Files.write(dir.resolve(name + ".dat"), Wfdb212Encoder.encode(adu));
        return Files.writeString(dir.resolve(name + ".hea"), name + " 1 300 " + adu.length + "\n" + name
                + ".dat 212 3000 12 0 " + adu[0] + " 0 0 left-foot\n", StandardCharsets.US_ASCII);
    }

    /**
     * The stride table's elapsed times fall on the left foot's contact: 50–150 ms before each the
     * left signal lies below the midpoint of its unloaded and loaded levels, 50–150 ms after it lies
     * above (checked for at least 95 % of the strides of every record).
     */
    @Test
    void strideTableElapsedTimesMarkLeftContactsInTheSignal() throws IOException {
        for (String record : GaitnddSampleData.RECORDS) {
            Recording r = read(record);
            float[] left = r.channel("left.insole.force_au").samples();
            float[] sorted = left.clone();
            Arrays.sort(sorted); // NaN sorts last
            int valid = left.length - r.channel("left.insole.force_au").missingCount();
            double midpoint = (sorted[(int) (0.05 * valid)] + sorted[(int) (0.95 * valid)]) / 2;
            GaitnddStrideTable table = GaitnddStrideTable.read(GaitnddSampleData.dir().resolve(record + ".ts"));
            int agree = 0;
            for (GaitnddStrideTable.Stride s : table.strides()) {
                int i = (int) Math.round(s.elapsedS() * r.sampleRateHz());
                if (mean(left, i - 45, i - 15) < midpoint && mean(left, i + 15, i + 45) > midpoint) {
                    agree++;
                }
            }
            double fraction = agree / (double) table.size();
            assertTrue(fraction >= 0.95, record + ": only " + agree + " of " + table.size() + " strides");
        }
    }

    private static double mean(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }
}
