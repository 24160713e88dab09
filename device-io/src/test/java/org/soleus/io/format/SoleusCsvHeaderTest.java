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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/**
 * The soleus CSV header row as people make it: force in other units than newtons, a
 * spreadsheet's trailing commas, tabs or semicolons for commas, {@code time_s} out of place.
 */
final class SoleusCsvHeaderTest {
    private static final String META = "# format: soleus-csv 1\n# sample_rate_hz: 100\n# body_mass_kg: 70\n";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private DataFormatException fails(Path p) {
        return assertThrows(DataFormatException.class, () -> Recordings.read(p));
    }

    @Test
    void forceInKilonewtonsKilogramForceAndPoundForceIsReadInNewtons() throws IOException {
        Path p = file("units.csv", META + "time_s,left.insole.force_kgf,right.insole.force_kn,left.insole.cell01_lbf,"
                + "left.foot.gyr_x_dps\n0,70,0.7,10,1\n0.01,35.5,,20,2\n");
        Recording r = Recordings.read(p);
        assertEquals(List.of("left.insole.force_n", "right.insole.force_n", "left.insole.cell01_n", "left.foot.gyr_x_dps"),
                r.channelNames().stream().map(ChannelName::toString).toList());
        assertArrayEquals(new float[] {(float) (70 * 9.80665), (float) (35.5f * 9.80665)},
                r.channel("left.insole.force_n").samples());
        assertArrayEquals(new float[] {(float) (0.7f * 1000.0), Float.NaN}, r.channel("right.insole.force_n").samples());
        assertArrayEquals(new float[] {(float) (10 * 4.4482216152605), (float) (20 * 4.4482216152605)},
                r.channel("left.insole.cell01_n").samples());
        assertArrayEquals(new float[] {1, 2}, r.channel("left.foot.gyr_x_dps").samples(), "other units stay as they are");
        assertEquals(List.of(p + ":4: force in kgf and kN and lbf converted to newtons while reading (1 kgf = 9.80665 N,"
                + " 1 kN = 1000 N, 1 lbf = 4.4482216152605 N) and the channels renamed to _n: left.insole.force_kgf,"
                + " right.insole.force_kn, left.insole.cell01_lbf"), r.warnings());
    }

    @Test
    void rsWriteCsvHeaderNamesInQuotesAndNaCellsAreRead() throws IOException {
        Path p = file("r.csv", "\"time_s\",\"left.insole.force_n\",\"left.foot.gyr_x_dps\"\n0,700,1\n0.01,NA,2\n0.02,690,NA\n");
        Recording r = Recordings.read(p);
        assertEquals(List.of("left.insole.force_n", "left.foot.gyr_x_dps"),
                r.channelNames().stream().map(ChannelName::toString).toList());
        assertEquals(100, r.sampleRateHz(), 1e-9);
        assertArrayEquals(new float[] {700, Float.NaN, 690}, r.channel("left.insole.force_n").samples());
        assertArrayEquals(new float[] {1, 2, Float.NaN}, r.channel("left.foot.gyr_x_dps").samples());
        Path quoted = file("quoted.csv", "\"time_s\",\"left.insole.force_n\"\n\"0\",\"700\"\n\"0.01\",\"NA\"\n\"0.02\", \"na\" \n");
        assertArrayEquals(new float[] {700, Float.NaN, Float.NaN}, Recordings.read(quoted).channel("left.insole.force_n").samples(),
                "NA in quotes, as a writer that quotes every cell writes it");
        Path time = file("quoted-time.csv", "\"time_s\",\"left.insole.force_n\"\n\"0\",\"700\"\n\"NA\",\"700\"\n");
        assertEquals(time + ":3:1: column 1 (time_s): a time must be a number, found '\"NA\"'", fails(time).getMessage());
    }

    @Test
    void aMetadataLineThatIsNotUtf8IsReadWithOneWarning() throws IOException {
        byte[] latin1 = (META + "# subject: M\u00fcller\n# site: K\u00f6ln\n# study: walk\nleft.insole.force_n\n1\n2\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path p = Files.write(dir.resolve("latin1.csv"), latin1);
        Recording r = Recordings.read(p);
        assertEquals("M\uFFFDller", r.metadata().properties().get("subject"));
        assertEquals(List.of(p + ":4: the line is not valid UTF-8 and was read with replacement characters (and 1 more"
                + " metadata lines); save the file as UTF-8"), r.warnings());
        Path utf8 = file("utf8.csv", META + "# subject: M\u00fcller \uFFFD\nleft.insole.force_n\n1\n2\n");
        Recording valid = Recordings.read(utf8);
        assertEquals("M\u00fcller \uFFFD", valid.metadata().properties().get("subject"));
        assertEquals(List.of(), valid.warnings(), "a replacement character written as UTF-8 is text like any other");
    }

    @Test
    void aChannelNameThatIsNotUtf8SaysSo() throws IOException {
        Path p = Files.write(dir.resolve("latin1.csv"), (META + "time_s,left.insole.force_n,left.insole.kraft_\u00b5n\n0,1,2\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(p + ":4:3: column 3's name is not valid UTF-8 text; expected a channel name <side>.<place>."
                + "<quantity>_<unit>, e.g. left.insole.force_n (save the file as UTF-8)", fails(p).getMessage());
    }

    @Test
    void aConvertedForceThatTheFileHasInNewtonsAlreadyIsAnError() throws IOException {
        Path p = file("twice.csv", META + "left.insole.force_n,left.insole.force_kgf\n1,2\n");
        assertEquals(p + ":4:2: channel left.insole.force_kgf is left.insole.force_n in newtons, which the file has"
                + " already", fails(p).getMessage());
    }

    @Test
    void aSpreadsheetsTrailingCommasAreIgnored() throws IOException {
        Path plain = file("plain.csv", META + "time_s,left.insole.force_n,right.insole.force_n\n0,1,2\n0.01,3,\n");
        Path padded = file("padded.csv", "# format: soleus-csv 1,,\n# sample_rate_hz: 100,,\n# body_mass_kg: 70,,\n"
                + "# insole_length_m: 0.27,,\n# notes: left, then right,,\n"
                + "time_s,left.insole.force_n,right.insole.force_n,\n0,1,2,\n0.01,3,,\n");
        Recording expected = Recordings.read(plain);
        Recording r = Recordings.read(padded);
        assertEquals(expected.channelNames(), r.channelNames());
        assertEquals(70, r.metadata().bodyMassKg());
        assertEquals("0.27", r.metadata().properties().get("insole_length_m"), "a number in a free-text value too");
        assertEquals("left, then right", r.metadata().properties().get("notes"), "commas inside a value are kept");
        for (ChannelName name : expected.channelNames()) {
            assertArrayEquals(expected.channel(name.toString()).samples(), r.channel(name.toString()).samples(),
                    name.toString());
        }
        assertEquals(List.of(), r.warnings());
        Recording rowsOnly = Recordings.read(file("rows.csv", META
                + "time_s,left.insole.force_n,right.insole.force_n\n0,1,2,\n0.01,3,,\n"));
        for (ChannelName name : expected.channelNames()) {
            assertArrayEquals(expected.channel(name.toString()).samples(), rowsOnly.channel(name.toString()).samples(),
                    "rows that end in a comma under a header that does not: " + name);
        }
        assertEquals(RecordingFormat.SOLEUS_CSV, FormatDetector.detect(file("bare.csv",
                "time_s,left.insole.force_n,\n0,1,\n0.01,2,\n")), "detected without a format line too");
    }

    /**
     * A spreadsheet pads the metadata lines to the width of the data, but the header row of
     * channel names, which fills every column, not at all: the padded lines of the format's own
     * keys tell. A value of the toolkit's own file, whose keys' lines end in no comma, keeps its
     * trailing commas.
     */
    @Test
    void metadataLinesPaddedUnderAFullHeaderRowLoseTheirCommas() throws IOException {
        Recording padded = Recordings.read(file("full.csv", "# format: soleus-csv 1,,\n# sample_rate_hz: 100,,\n"
                + "# insole_length_m: 0.27,,\n# insole_size: 42,,\n# notes: left, then right,,\n"
                + "time_s,left.insole.force_n,right.insole.force_n\n0,1,2\n0.01,3,4\n"));
        assertEquals("0.27", padded.metadata().properties().get("insole_length_m"));
        assertEquals("42", padded.metadata().properties().get("insole_size"));
        assertEquals("left, then right", padded.metadata().properties().get("notes"));
        Path warned = file("warned.csv", "# warning: the recording ended early,,\ntime_s,left.insole.force_n,right.insole.force_n\n"
                + "0,1,2\n0.01,3,4\n");
        assertEquals(List.of(warned + ":1: the recording ended early"), Recordings.read(warned).warnings());
        Recording dimensionsOnly = Recordings.read(file("dimensions.csv", "# insole_length_m: 0.27,,\n# notes: left,,\n"
                + "time_s,left.insole.force_n,right.insole.force_n\n0,1,2\n0.01,3,4\n"));
        assertEquals("0.27", dimensionsOnly.metadata().properties().get("insole_length_m"), "a foot dimension tells too");
        assertEquals("left", dimensionsOnly.metadata().properties().get("notes"));
        Recording own = Recordings.read(file("own.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "# notes: left, then right,\ntime_s,left.insole.force_n\n0,1\n0.01,3\n"));
        assertEquals("left, then right,", own.metadata().properties().get("notes"), "a value as written");
    }

    @Test
    void aColumnWithoutANameInsideTheHeaderIsAnError() throws IOException {
        Path p = file("gap.csv", META + "time_s,,left.insole.force_n\n0,1,2\n");
        assertEquals(p + ":4:2: column 2 has no name; expected a channel name <side>.<place>.<quantity>_<unit>, e.g."
                + " left.insole.force_n", fails(p).getMessage());
    }

    @Test
    void tabsSemicolonsOrSpacesForCommasAreNamed() throws IOException {
        Path tabs = file("tabs.csv", META + "time_s\tleft.insole.force_n\tright.insole.force_n\n0\t1\t2\n");
        assertEquals(tabs + ":4:1: columns are separated by commas and this line holds tabs; save the file as"
                + " comma-separated values", fails(tabs).getMessage());
        Path semicolons = file("semicolons.csv", META + "time_s;left.insole.force_n\n0;1\n");
        assertTrue(fails(semicolons).getMessage().startsWith(semicolons + ":4:1: columns are separated by commas and"
                + " this line holds semicolons;"));
        Path spaces = file("spaces.csv", META + "time_s  left.insole.force_n right.insole.force_n\n0 1 2\n");
        assertEquals(spaces + ":4:1: columns are separated by commas and this line holds spaces; save the file as"
                + " comma-separated values", fails(spaces).getMessage());
        Path unit = file("unit.csv", META + "time_s,left.insole.force_n (N)\n0,1\n");
        assertEquals(unit + ":4:2: 'left.insole.force_n (N)' is not a channel name of the form"
                + " <side>.<place>.<quantity>_<unit>, e.g. left.insole.force_n", fails(unit).getMessage(),
                "a name with its unit after it is no row of names");
    }

    /** A file cut off in its metadata lines or its header row, as a crash while writing leaves it, says so. */
    @Test
    void aFileCutShortBeforeItsFirstRowSaysSo() throws IOException {
        Path inHeader = file("header.csv", META + "time_s,left.insole.force_n,left.ins");
        assertEquals(inHeader + ":4:3: 'left.ins' is not a channel name of the form <side>.<place>.<quantity>_<unit>,"
                + " e.g. left.insole.force_n; the file ends in its header row, without a line end: cut short while it"
                + " was written?", fails(inHeader).getMessage());
        Path inMetadata = file("metadata.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\n# body_ma");
        assertEquals(inMetadata + ":3: the file ends in this metadata line, without a line end (cut short while it was"
                + " written?); expected a header row of channel names after the metadata lines",
                fails(inMetadata).getMessage());
        Path complete = file("complete.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\n");
        assertEquals(complete + ":3: expected a header row of channel names after the metadata lines",
                fails(complete).getMessage(), "metadata lines that end as they should");
    }

    @Test
    void aTimeColumnThatIsNotFirstIsNamed() throws IOException {
        Path p = file("late.csv", META + "left.insole.force_n,time_s\n1,0\n");
        assertEquals(p + ":4:2: time_s must be the first column; found in column 2", fails(p).getMessage());
    }

    @Test
    void aTimeOfNaNIsAnError() throws IOException {
        Path p = file("nan.csv", META + "time_s,left.insole.force_n\n0,1\nNaN,2\n0.02,3\n");
        assertEquals(p + ":6:1: column 1 (time_s): a time must be a number, found 'NaN'", fails(p).getMessage());
    }

    @Test
    void aRateOrMassGivenWhenReadingSaysWhatItOverrides() throws IOException {
        Path p = file("walk.csv", META + "left.insole.force_n\n1\n2\n");
        Recording r = Recordings.read(p, new ReadOptions(null, 50, 80));
        // each names the line and column of the value it overrides
        assertEquals(List.of(p + ":3:17: --mass 80.0 kg overrides the file's body mass of 70.0 kg",
                p + ":2:19: --rate 50.0 Hz overrides the file's 100.0 Hz"), r.warnings());
    }

    /** Where the file's body mass came from is kept with it, and goes where a given mass replaces it. */
    @Test
    void theBodyMassSourceGoesWithTheMassAGivenOneReplaces() throws IOException {
        Path p = file("walk.csv", META + "# body_mass_source: demographics.txt\nleft.insole.force_n\n1\n2\n");
        assertEquals("demographics.txt", Recordings.read(p, ReadOptions.DEFAULTS).metadata().properties()
                .get(RecordingMetadata.BODY_MASS_SOURCE));
        Recording given = Recordings.read(p, new ReadOptions(null, Double.NaN, 72));
        assertEquals(72, given.metadata().bodyMassKg());
        assertFalse(given.metadata().properties().containsKey(RecordingMetadata.BODY_MASS_SOURCE));
    }

    /**
     * A sample rate or body mass line that cannot be used is an error at its line, unless the
     * user gives the value ({@code --rate}, {@code --mass}): then it is a warning and the given
     * value is used.
     */
    @Test
    void anUnusableRateOrMassLineIsAWarningWhenTheValueIsGiven() throws IOException {
        Path p = file("bad.csv", "# format: soleus-csv 1\n# sample_rate_hz: -100\n# body_mass_kg: abc\n"
                + "left.insole.force_n\n1\n2\n");
        assertEquals(p + ":2:19: sample_rate_hz: expected a rate in Hz from 0.001 to 1000000, got '-100' (correct it,"
                + " or give --rate HZ)", fails(p).getMessage());
        String mass = assertThrows(DataFormatException.class,
                () -> Recordings.read(p, new ReadOptions(null, 100, Double.NaN))).getMessage();
        assertEquals(p + ":3:17: body_mass_kg: expected a number, found 'abc' (correct it, or give --mass KG)", mass);

        Recording r = Recordings.read(p, new ReadOptions(null, 100, 70));
        assertEquals(100, r.sampleRateHz(), 0);
        assertEquals(70, r.metadata().bodyMassKg(), 0);
        assertEquals(List.of(p + ":2:19: sample_rate_hz: expected a rate in Hz from 0.001 to 1000000, got '-100'; not used:"
                + " --rate 100.0"
                + " Hz is given", p + ":3:17: body_mass_kg: expected a number, found 'abc'; not used: --mass 70.0 kg is given"),
                r.warnings());
    }

    /**
     * A rate beyond those {@code --rate} takes is an error at its line and column, as an
     * unusable one is, not an overflow further on ({@code maxGapSamples must be >= 0}) or a
     * recording of nanoseconds; a warning when the rate is given.
     */
    @Test
    void aRateBeyondThoseTheOptionTakesIsAnErrorAtItsColumn() throws IOException {
        for (String rate : new String[] {"1e30", "1e7", "1e11", "1e20", "1e-300", "Infinity"}) {
            Path p = file("r.csv", "# sample_rate_hz: " + rate + "\n# body_mass_kg: 70\nleft.insole.force_n\n1\n2\n3\n");
            assertEquals(p + ":1:19: sample_rate_hz: expected a rate in Hz from 0.001 to 1000000, got '" + rate + "'"
                    + " (correct it, or give --rate HZ)", fails(p).getMessage());
            Recording r = Recordings.read(p, new ReadOptions(null, 100, Double.NaN));
            assertEquals(100, r.sampleRateHz(), 0);
            assertEquals(List.of(p + ":1:19: sample_rate_hz: expected a rate in Hz from 0.001 to 1000000, got '" + rate
                    + "'; not used: --rate 100.0 Hz is given"), r.warnings());
        }
        Path highest = file("h.csv", "# sample_rate_hz: 1e6\n# body_mass_kg: 70\nleft.insole.force_n\n1\n2\n3\n");
        assertEquals(1e6, Recordings.read(highest).sampleRateHz(), 0);
        assertThrows(IllegalArgumentException.class, () -> new ReadOptions(null, 1e-300, Double.NaN),
                "the option takes the same rates");
    }

    /**
     * A time column whose rows lie less than a microsecond apart implies a rate beyond those
     * taken: an error at its second row rather than a recording of nanoseconds.
     */
    @Test
    void aTimeColumnFasterThanTheRatesTakenIsAnError() throws IOException {
        StringBuilder csv = new StringBuilder("# body_mass_kg: 70\ntime_s,left.insole.force_n\n");
        for (int i = 0; i < 300; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%.10f,%d%n", i * 1e-7, 100 + i % 50));
        }
        Path p = file("t.csv", csv.toString());
        assertEquals(p + ":4:1: the time column steps by 1.0E-7 s per row (the median of the first 255 steps), a rate of"
                + " 1.0E7 Hz: expected a rate in Hz from 0.001 to 1000000 (are the times in seconds?)",
                fails(p).getMessage());
    }

    /**
     * A cell layout's insole length that is no insole's (0.10–0.40 m, as {@code insole_length_m})
     * is left out with a warning at its value: a device's descriptor states it too, and a live
     * stream is not refused for it.
     */
    @Test
    void aLayoutLengthNoInsoleHasIsLeftOutWithAWarning() throws IOException {
        String layout = "# layout.left.unit: m\n# layout.left.cell01: x=0 y=0.03\n# layout.left.length_m: 270\n";
        Path p = file("layout-mm.csv", META + layout + "left.insole.cell01_n,left.insole.force_n\n1,1\n2,2\n");
        Recording r = Recordings.read(p);
        assertEquals(List.of(p + ":6:25: layout.left.length_m: expected the insole length in metres, 0.10–0.40 (a 27 cm"
                + " insole is 0.27), got '270'; not used (the insole length comes from --insole-length, insole_length_m"
                + " or insole_size, else the default 0.27 m)"), r.warnings());
        assertTrue(Double.isNaN(FootGeometry.statedInsoleLengthM(r.metadata(), Side.LEFT)), "no length stated");
        Path metres = file("layout-m.csv", META + layout.replace("270", "0.26") + "left.insole.cell01_n,left.insole.force_n\n1,1\n");
        Recording inMetres = Recordings.read(metres);
        assertEquals(List.of(), inMetres.warnings());
        assertEquals(0.26, FootGeometry.statedInsoleLengthM(inMetres.metadata(), Side.LEFT), 1e-12);
    }

    /**
     * A layout line for a cell the file does not record is told at its key, once an insole: it
     * leaves every cell of that insole unsummarised. A warning, not an error, as a device whose descriptor lists
     * more cells than it streams is still recorded and read.
     */
    @Test
    void aLayoutCellWithoutItsChannelIsToldAtItsLine() throws IOException {
        Path p = file("layout-extra.csv", META + "# layout.left.unit: m\n# layout.left.cell01: x=0 y=0.03\n"
                + "# layout.left.cell03: x=0 y=0.1\nleft.insole.cell01_n,left.insole.force_n\n1,1\n");
        assertEquals(List.of(p + ":6:3: layout.left.cell03 places a cell that is not recorded (no"
                + " left.insole.cell03_<unit> channel), so the left insole's cells are not summarised: no heel share or"
                + " centre of pressure from them"), Recordings.read(p).warnings());
        Path counts = file("layout-counts.csv", META + "# layout.left.unit: m\n# layout.left.cell01: x=0 y=0.03\n"
                + "left.insole.cell01_counts,left.insole.force_n\n1,1\n");
        assertEquals(List.of(), Recordings.read(counts).warnings(),
                "a cell in counts is that cell, which a calibration turns into newtons");

        Map<String, String> descriptor = new LinkedHashMap<>();
        descriptor.put("layout.left.unit", "m");
        descriptor.put("layout.left.cell01", "x=0 y=0.03");
        descriptor.put("layout.left.cell02", "x=0 y=0.1");
        List<String> warnings = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        RecordingHeader stream = SoleusCsvMetadata.streamHeader(Path.of("/dev/ttyUSB0"), 100,
                List.of(ChannelName.parse("left.insole.cell01_counts"), ChannelName.parse("left.insole.force_n")),
                descriptor, ReadOptions.DEFAULTS, warnings, checks);
        assertEquals(List.of("/dev/ttyUSB0: layout.left.cell02 places a cell that is not recorded (no"
                + " left.insole.cell02_<unit> channel), so the left insole's cells are not summarised: no heel share or"
                + " centre of pressure from them"), checks,
                "a device's stream is read, not refused; its descriptor has no lines a message could name");
        assertEquals(List.of(), warnings, "a recording of the stream keeps the layout, and its reader tells it again");
        assertEquals(2, stream.metadata().layout(Side.LEFT).cells().size());

        Path many = file("layout-many.csv", META + "# layout.left.unit: m\n# layout.left.cell01: x=0 y=0.03\n"
                + "# layout.left.cell02: x=0 y=0.1\n# layout.left.cell03: x=0 y=0.15\n# layout.left.cell04: x=0 y=0.2\n"
                + "left.insole.cell01_n,left.insole.force_n\n1,1\n");
        assertEquals(List.of(many + ":6:3: layout.left.cell02 and 2 more layout lines place cells that are not recorded"
                + " (cell02, cell03, cell04: no left.insole.<cell>_<unit> channel), so the left insole's cells are not"
                + " summarised: no heel share or centre of pressure from them"), Recordings.read(many).warnings(),
                "one warning an insole, at its first such line");
    }

    /**
     * A key or a channel's place a typo from one the toolkit reads is kept as written, with a
     * warning that names the one meant; the user's own keys and documented properties are not.
     */
    @Test
    void aKeyOrPlaceATypoFromAKnownOneIsTold() throws IOException {
        Path p = file("typos.csv", "# sample_rate: 200\n# Body_Mass_kg: 70\n# start_time: 2023-01-01T10:00:00\n"
                + "# walk_speed: fast\ntime_s,left.insole.force_n,left.fot.gyr_x_dps,none.device.ch01_au\n0,1,1,1\n"
                + "0.01,2,2,2\n");
        Recording r = Recordings.read(p);
        assertEquals(List.of(
                p + ":1:3: 'sample_rate' is no key the toolkit reads, kept as a free property; did you mean sample_rate_hz?",
                p + ":2:3: 'Body_Mass_kg' is no key the toolkit reads, kept as a free property; did you mean body_mass_kg?",
                p + ":5:3: left.fot.gyr_x_dps: place 'fot' is none the analysis looks for, so the channel is kept as it"
                        + " is and not analysed; did you mean foot?"), r.warnings());
        assertEquals("200", r.metadata().properties().get("sample_rate"));
        assertEquals(100, r.sampleRateHz(), 1e-9, "the time column's rate");

        Path own = file("own.csv", "# insole: left only\n# event: stairs\n# normal: yes\n# heel: worn\n"
                + "time_s,left.insole.force_n,left.shin.gyr_x_dps,left.toe.acc_x_mps2,left.hand.gyr_x_dps,"
                + "left.sole.force_n,left.foot2.gyr_x_dps\n0,1,1,1,1,1,1\n0.01,2,2,2,2,2,2\n");
        assertEquals(List.of(), Recordings.read(own).warnings(), "names of the user's own, short words and numbered sensors");
    }

    /**
     * The free properties the toolkit reads in one form: a {@code range_min} that is no number is
     * left out, one of no channel bounds nothing, and a {@code start_time} that is no date is kept
     * as {@code start_time_text}, each with a warning at its value.
     */
    @Test
    void aRangeMinimumOrStartTimeOfAnotherFormIsTold() throws IOException {
        Path p = file("forms.csv", META + "# range_min.left.insole.force_n: abc\n# range_min.left.insole.forse_n: 0\n"
                + "# start_time: yesterday\nleft.insole.force_n\n1\n2\n");
        Recording r = Recordings.read(p);
        assertEquals(List.of(
                p + ":4:34: range_min.left.insole.force_n: expected a number in the channel's unit, found 'abc'; not used",
                p + ":6:15: start_time: expected an ISO-8601 local date-time such as 2023-09-27T10:21:14.922, found"
                        + " 'yesterday'; kept as start_time_text",
                p + ":5:34: range_min.left.insole.forse_n names no channel that is recorded, so it bounds nothing"),
                r.warnings());
        assertEquals("yesterday", r.metadata().properties().get("start_time_text"));
        assertFalse(r.metadata().properties().containsKey("start_time"));
        assertFalse(r.metadata().properties().containsKey("range_min.left.insole.force_n"));
        Path fine = file("fine.csv", META + "# range_min.left.insole.force_n: -2047\n# start_time: 2023-09-27T10:21:14.922\n"
                + "left.insole.force_n\n1\n2\n");
        Recording ok = Recordings.read(fine);
        assertEquals(List.of(), ok.warnings());
        assertEquals(-2047, ok.metadata().rangeMinimum(ChannelName.parse("left.insole.force_n")));
    }
}
