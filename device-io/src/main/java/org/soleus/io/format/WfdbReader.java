package org.soleus.io.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;

/**
 * Reads a PhysioNet WFDB record through its {@code .hea} header (G. B. Moody, WFDB header(5) and
 * signal(5) manual pages; Goldberger et al., Circulation 101(23):e215, 2000,
 * doi:10.1161/01.CIR.101.23.e215), e.g. a record of the gaitndd database (Hausdorff et al.,
 * J Appl Physiol 82:262, 1997).
 *
 * <h2>What is read</h2>
 * Single-segment records in formats 212 (12-bit two's complement, two samples packed in three
 * bytes), 16 (16-bit little-endian) and 80 (8-bit offset binary); one file per signal or
 * several signals interleaved frame by frame in one file (consecutive signal lines naming the
 * same file; 212 pairs then run across signals); byte offsets ({@code 212+512}). Signal files
 * are looked up in the header's directory (or a folder below it), and messages name them as the
 * header's path was given (relative when it was). Refused with a located error: other
 * formats, multi-segment records, more than one sample per frame, skew, standard input
 * ({@code -}) as a signal file, a signal file named by an absolute path or one that leads up out
 * of the header's folder.
 *
 * <h2>Values and names</h2>
 * Physical value = (ADC value − baseline) / gain, with the baseline defaulting to the ADC zero
 * and a gain of 0 or none meaning 200 (the WFDB defaults). The format's invalid-sample code
 * (−2048 for 212, −32768 for 16, −128 for 80) becomes NaN, except in runs of it that lie
 * between samples at the bottom of the ADC's range: the format's lowest code is also the ADC's,
 * which a sensor below the range writes, so such a run (up to {@value #MAX_FLOOR_RUN_S} s) is read
 * as the lowest valid code ({@link WfdbFloorRuns}); a warning per signal counts both kinds. The
 * physical value of that code is the metadata property {@code range_min.<channel>}
 * ({@link RecordingMetadata#RANGE_MIN_PREFIX}; for a negative gain, which turns the signal over,
 * the highest code's value), so that the contact detector knows a swing level held there for
 * one cut off by the range. The gaitndd descriptions
 * {@code left-foot} and {@code right-foot} (any case) become {@code left.insole.force_au} and
 * {@code right.insole.force_au}: a force-sensitive-resistor signal only roughly proportional to
 * force, hence the arbitrary unit; so does a signal without a description in gaitndd's
 * {@code .let} or {@code .rit} file, where no description names that foot, with a warning
 * ({@link WfdbChannelNaming}). Any other description becomes
 * {@code none.signal.<quantity>_<unit>}: the description in lower case with runs of other
 * characters than a-z and 0-9 turned into {@code _} ({@code s} prefixed before a leading
 * digit, {@code signal<n>} when empty), and the header's units sanitised the same way
 * ({@code mV} → {@code mv}, {@code %} → {@code pct}, WFDB's default {@code mv} when none are
 * given); a name already taken gets {@code _2}, {@code _3}, ... after its quantity.
 *
 * <h2>Checks: warnings or failures</h2>
 * <ul>
 *   <li>Failures ({@link DataFormatException}, one line): a missing or malformed header (file,
 *       line, column), a sampling frequency that is not a rate the readers take
 *       ({@link ReadOptions#isSampleRate}; a warning when a rate is given, which is then used),
 *       an unsupported format or feature, a signal file that the header names but
 *       that does not exist (saying where it was looked for), a signal file without one whole
 *       frame of samples.</li>
 *   <li>Warnings in {@link org.soleus.core.recording.Recording#warnings()}, the samples still
 *       delivered: a file shorter than the header's sample count (what is there is read, the
 *       counts are given, and the other signal files are read only as far, as the warning
 *       says), a file cut inside a 212 sample pair or a 16-bit sample (the
 *       partial bytes are dropped), an incomplete interleaved frame (dropped), a file longer than
 *       the header says (the rest is ignored), and a checksum mismatch. A checksum mismatch is a
 *       warning, not a failure, because it says the data differ from what was written but not
 *       where; the samples usually remain usable for contact detection and a failure would hide
 *       them all. Checksums (the sum of all samples of a signal modulo 2<sup>16</sup>, as a
 *       signed 16-bit value) are verified only when the whole declared length was read.</li>
 * </ul>
 * A signal file that ends early cuts the whole record there rather than padding its signals
 * with NaN up to the others' length: a file that ends early is a damaged copy rather than a
 * pause of one sensor, and its missing part may be far longer than the
 * {@value RowStreamer#MAX_GAP_S} s the text readers fill with NaN; a recording's channels
 * keep one length, and the gait analysis pairs the feet (double support, step times), which
 * one foot alone cannot give. What is cut is said in the warning.
 *
 * <h2>Metadata</h2>
 * Properties: {@code source_format=wfdb}, {@code record}, {@code description.<channel>} (the
 * signal description as written), {@code comments} (the header's {@code #} lines joined by
 * {@code " | "}), {@code base_time} and {@code base_date} when given. When a gaitndd
 * {@code subject-description.txt} sits beside the header, the record's row (first column =
 * record name; columns found by their header name) adds {@code subject=<record>},
 * {@code subject.<column header>=<cell>} and the body mass from the {@code Weight(kg)} column;
 * a file there that cannot be read, a missing row or an unusable weight ({@code MISSING}) is a
 * warning naming the file and the reason, and leaves the body mass unknown. A body mass or sample rate in the {@link ReadOptions} wins over the file's (a
 * differing sample rate is warned about).
 *
 * <h2>Memory and speed</h2>
 * The reader streams: each signal file is decoded from one reused 48 KiB byte buffer and each
 * frame is handed to the sink in one reused {@code float[]} (frames are held back only while a run
 * of the invalid code may turn out to be the ADC's floor: at most {@value #MAX_FLOOR_RUN_S} s of
 * them, in arrays made once), so a 24-hour record needs no more
 * memory than the sink's own channels (a 24-hour, 300 Hz, two-signal 212 record streams through
 * a 16 MB heap in about a second).
 *
 * <p>Stateless and thread-safe.
 */
public final class WfdbReader implements RecordingReader {
    /** The longest run of invalid-sample codes that may be read as the bottom of the ADC's range ({@link WfdbFloorRuns}), s. */
    static final double MAX_FLOOR_RUN_S = 5.0;
    /** Cap on the frames held back for such a run, whatever the sample rate. */
    private static final int MAX_FLOOR_RUN_FRAMES = 1 << 16;

    private final int bufferBytes;

    /** A reader with the default read buffer. */
    public WfdbReader() {
        this(WfdbSampleDecoder.BUFFER_BYTES);
    }

    /** A reader with a read buffer of {@code bufferBytes} (at least 3) per signal file. */
    WfdbReader(int bufferBytes) {
        if (bufferBytes < 3) {
            throw new IllegalArgumentException("buffer must hold at least 3 bytes, got " + bufferBytes);
        }
        this.bufferBytes = bufferBytes;
    }

    @Override
    public RecordingFormat format() {
        return RecordingFormat.WFDB;
    }

    /**
     * Streams the record whose header is {@code path} into {@code sink}.
     *
     * @param path    the record's {@code .hea} file
     * @param options explicit sample rate or body mass; its format must be null or WFDB
     * @throws DataFormatException      as listed in the class description
     * @throws IllegalArgumentException when {@code options} asks for another format
     */
    @Override
    public void read(Path path, ReadOptions options, SampleSink sink) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        if (options.format() != null && options.format() != RecordingFormat.WFDB) {
            throw new IllegalArgumentException("the WFDB reader cannot read format '" + options.format().id()
                    + "'; pass format null or wfdb, or use the reader of that format");
        }
        WfdbHeader header = WfdbHeaderParser.parse(path);
        List<String> warnings = new ArrayList<>();
        checkRecordName(header, warnings);
        List<Group> groups = groups(header);
        List<ChannelName> names = WfdbChannelNaming.names(header.signals());
        warnings.addAll(WfdbChannelNaming.warnings(header.file(), header.signals(), names));
        if (options.timeColumnIgnored()) {
            warnings.add(header.file() + ": has no time column: --ignore-time changes nothing");
        }
        RecordingHeader announced = new RecordingHeader(path.toString(), sampleRate(header, options, warnings), 0,
                names, metadata(header, names, options, warnings));
        WfdbSampleDecoder[] decoders = new WfdbSampleDecoder[groups.size()];
        Throwable failure = null;
        try {
            for (int g = 0; g < decoders.length; g++) {
                decoders[g] = open(header, groups.get(g));
            }
            sink.start(announced);
            stream(header, announced.sampleRateHz(), groups, decoders, sink, warnings);
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            closeAll(decoders, failure);
        }
        sink.end(warnings);
    }

    /** Signals stored in one file, consecutive in the header. */
    private record Group(Path file, WfdbSignalSpec first, int firstSignal, int signalCount) {
    }

    private static List<Group> groups(WfdbHeader header) throws DataFormatException {
        List<WfdbSignalSpec> signals = header.signals();
        List<Group> groups = new ArrayList<>();
        int s = 0;
        while (s < signals.size()) {
            WfdbSignalSpec first = signals.get(s);
            int end = s + 1;
            while (end < signals.size() && signals.get(end).fileName().equals(first.fileName())) {
                end++;
            }
            Path file;
            try {
                file = header.file().resolveSibling(first.fileName());
            } catch (InvalidPathException e) {
                throw new DataFormatException(header.file(), first.line(), first.fileColumn(),
                        "signal file name '" + first.fileName() + "' is not a valid path: " + e.getReason());
            }
            if (!Files.isRegularFile(file)) {
                throw new DataFormatException(header.file(), first.line(), first.fileColumn(),
                        "signal file '" + first.fileName() + "' " + (Files.isDirectory(file)
                                ? "is a directory, " + file + ", not a file of samples"
                                : Files.exists(file) ? "is not a regular file (a named pipe, device or socket): " + file
                                : "not found; looked for " + file));
            }
            if (isSameFile(file, header.file())) {
                throw new DataFormatException(header.file(), first.line(), first.fileColumn(),
                        "signal file '" + first.fileName() + "' is this header itself, expected the file of samples");
            }
            groups.add(new Group(file, first, s, end - s));
            s = end;
        }
        return groups;
    }

    /** Whether {@code a} and {@code b} are one file, also by a link or another spelling of its path. */
    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private WfdbSampleDecoder open(WfdbHeader header, Group group) throws IOException {
        long size = Files.size(group.file());
        long bytes = size - group.first().byteOffset();
        long wholeSamples = switch (group.first().format()) {
            case 212 -> bytes <= 0 ? 0 : bytes / 3 * 2 + (bytes % 3 == 2 ? 1 : 0);
            case 16 -> Math.max(0, bytes / 2);
            default -> Math.max(0, bytes);
        };
        if (wholeSamples < group.signalCount()) {
            throw new DataFormatException(group.file(), 0, 0, "holds no whole frame of samples (" + size
                    + " bytes, format " + group.first().format() + ", byte offset " + group.first().byteOffset()
                    + ") for the " + group.signalCount() + " signal(s) described at " + header.file() + ":"
                    + group.first().line());
        }
        long expected = header.knowsSampleCount() ? header.sampleCount() * group.signalCount() : -1;
        InputStream in = Files.newInputStream(group.file());
        try {
            in.skipNBytes(group.first().byteOffset());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new WfdbSampleDecoder(in, group.first().format(), expected, bufferBytes);
    }

    private static void stream(WfdbHeader header, double sampleRateHz, List<Group> groups, WfdbSampleDecoder[] decoders,
                               SampleSink sink, List<String> warnings) throws IOException {
        List<WfdbSignalSpec> signals = header.signals();
        int n = signals.size();
        WfdbSampleDecoder[] decoderOf = new WfdbSampleDecoder[n];
        int[] invalid = new int[n];
        double[] baseline = new double[n];
        double[] gain = new double[n];
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            for (int s = group.firstSignal(); s < group.firstSignal() + group.signalCount(); s++) {
                decoderOf[s] = decoders[g];
            }
        }
        for (int s = 0; s < n; s++) {
            WfdbSignalSpec spec = signals.get(s);
            invalid[s] = spec.invalidSample();
            baseline[s] = spec.baseline();
            gain[s] = spec.gain();
        }
        int[] adu = new int[n];
        int[] sums = new int[n];
        float[] row = new float[n];
        int maxRunFrames = (int) Math.max(1, Math.min(MAX_FLOOR_RUN_S * sampleRateHz, MAX_FLOOR_RUN_FRAMES));
        WfdbFloorRuns floorRuns = new WfdbFloorRuns(invalid, maxRunFrames, codes -> {
            for (int s = 0; s < n; s++) {
                int v = codes[s];
                row[s] = v == invalid[s] ? Float.NaN : physical(v, baseline[s], gain[s]);
            }
            sink.accept(row);
        });
        long limit = header.knowsSampleCount() ? header.sampleCount() : Long.MAX_VALUE;
        long frames = 0;
        int stoppedAt = -1;
        while (frames < limit) {
            int s = 0;
            while (s < n) {
                int v = decoderOf[s].next();
                if (v == WfdbSampleDecoder.END) {
                    break;
                }
                adu[s++] = v;
            }
            if (s < n) {
                stoppedAt = s;
                break;
            }
            for (s = 0; s < n; s++) {
                sums[s] += adu[s];
            }
            floorRuns.accept(adu);
            frames++;
        }
        floorRuns.finish();
        warnAboutInvalidSamples(header, floorRuns, warnings);
        boolean complete = checkEnd(header, groups, decoders, frames, stoppedAt, warnings);
        if (complete) {
            checkChecksums(header, frames, sums, warnings);
        }
    }

    /**
     * One warning per signal with invalid-sample codes: how many were read as the bottom of the
     * ADC's range ({@link WfdbFloorRuns}) and how many as missing.
     */
    private static void warnAboutInvalidSamples(WfdbHeader header, WfdbFloorRuns floorRuns, List<String> warnings) {
        List<WfdbSignalSpec> signals = header.signals();
        for (int s = 0; s < signals.size(); s++) {
            long floor = floorRuns.floorSamples(s);
            long missing = floorRuns.missingSamples(s);
            if (floor == 0 && missing == 0) {
                continue;
            }
            WfdbSignalSpec spec = signals.get(s);
            int code = spec.invalidSample();
            List<String> parts = new ArrayList<>();
            if (floor > 0) {
                parts.add(floor + " sample" + (floor == 1 ? "" : "s") + " of the invalid-sample code " + code
                        + " between samples at the bottom of the ADC's range read as its lowest value " + (code + 1)
                        + " (the sensor below the range: in format " + spec.format()
                        + " the ADC's lowest code is the invalid-sample code)");
            }
            if (missing > 0) {
                parts.add(missing + " invalid sample" + (missing == 1 ? "" : "s") + " (" + code + ") read as missing");
            }
            warnings.add(header.file() + ":" + spec.line() + ": signal " + (s + 1) + " ("
                    + (spec.description().isEmpty() ? spec.fileName() : spec.description()) + "): "
                    + String.join("; ", parts));
        }
    }

    /** Adds warnings about how the files ended; returns whether every declared sample was read. */
    private static boolean checkEnd(WfdbHeader header, List<Group> groups, WfdbSampleDecoder[] decoders,
                                    long frames, int stoppedAt, List<String> warnings) throws IOException {
        boolean complete = true;
        for (int g = 0; g < groups.size(); g++) {
            int dropped = decoders[g].droppedBytes();
            if (dropped > 0) {
                complete = false;
                warnings.add(groups.get(g).file() + ": ends " + dropped + " byte(s) into "
                        + (groups.get(g).first().format() == 212 ? "a format-212 sample pair; the incomplete pair"
                        : "a 16-bit sample; the incomplete sample") + " was dropped");
            }
        }
        Group ended = null;
        if (stoppedAt >= 0) {
            ended = groupOf(groups, stoppedAt);
            if (stoppedAt > ended.firstSignal()) {
                complete = false;
                warnings.add(ended.file() + ": ends inside a frame (" + (stoppedAt - ended.firstSignal()) + " of "
                        + ended.signalCount() + " interleaved signals present); the incomplete frame was dropped");
            }
        }
        String declared = "the " + header.sampleCount() + " samples per signal that " + header.file() + ":"
                + header.recordLine() + ":" + header.sampleCountColumn() + " declares";
        if (header.knowsSampleCount() && frames < header.sampleCount()) {
            warnings.add(ended.file() + ": holds only " + frames + " of " + declared + "; read the " + frames
                    + " there are" + othersCut(groups, ended));
            return false;
        }
        for (int g = 0; g < groups.size(); g++) {
            // a file whose signals come before the one that ended gave its samples of the
            // unfinished frame already: it held more, even where nothing is left to read
            boolean gaveSamplesOfTheUnfinishedFrame = stoppedAt >= 0
                    && groups.get(g).firstSignal() + groups.get(g).signalCount() <= stoppedAt;
            if (decoders[g].hasMoreBytes() || gaveSamplesOfTheUnfinishedFrame) {
                if (header.knowsSampleCount()) {
                    warnings.add(groups.get(g).file() + ": holds more than " + declared + "; the rest was ignored");
                } else {
                    complete = false;
                    warnings.add(groups.get(g).file() + ": holds more samples than " + ended.file()
                            + ", which ends after " + frames + " per signal; the rest was ignored");
                }
            }
        }
        return complete;
    }

    /**
     * What a warning about a file that ends early adds about the other signal files: that they
     * were cut to its length (nothing when there are none).
     */
    private static String othersCut(List<Group> groups, Group ended) {
        StringBuilder others = new StringBuilder();
        for (Group g : groups) {
            if (g != ended) {
                others.append(others.length() == 0 ? "" : ", ").append(g.file());
            }
        }
        return others.length() == 0 ? "" : ", and only as many of " + others + ", so that the signals end together";
    }

    private static Group groupOf(List<Group> groups, int signal) {
        for (Group g : groups) {
            if (signal < g.firstSignal() + g.signalCount()) {
                return g;
            }
        }
        throw new IllegalStateException("signal " + signal + " belongs to no group");
    }

    private static void checkChecksums(WfdbHeader header, long frames, int[] sums, List<String> warnings) {
        List<WfdbSignalSpec> signals = header.signals();
        for (int s = 0; s < signals.size(); s++) {
            WfdbSignalSpec spec = signals.get(s);
            short actual = (short) sums[s];
            if (spec.hasChecksum() && actual != (short) spec.checksum()) {
                warnings.add(header.file() + ":" + spec.line() + ":" + spec.checksumColumn() + ": checksum of signal "
                        + (s + 1) + " ('" + spec.description() + "') over its " + frames + " samples is " + actual
                        + ", the header says " + spec.checksum() + "; the samples may be corrupt");
            }
        }
    }

    private static void checkRecordName(WfdbHeader header, List<String> warnings) {
        String fileName = String.valueOf(header.file().getFileName());
        if (fileName.endsWith(".hea")) {
            String stem = fileName.substring(0, fileName.length() - 4);
            if (!stem.equals(header.recordName())) {
                warnings.add(header.file() + ":" + header.recordLine() + ":1: record name '" + header.recordName()
                        + "' differs from the file name '" + fileName + "'");
            }
        }
    }

    /**
     * The rate to use: the given one, else the header's; a header's rate that is not one the
     * readers take ({@link ReadOptions#isSampleRate}) is an error at its column, or a warning
     * when a rate is given. A header without a rate gets WFDB's default, with a warning, since
     * a record's durations all depend on it.
     */
    private static double sampleRate(WfdbHeader header, ReadOptions options, List<String> warnings)
            throws DataFormatException {
        double fileRateHz = header.sampleRateHz();
        double givenHz = options.sampleRateHz();
        String problem = ReaderSupport.rateProblem("sampling frequency", header.rateText(), fileRateHz);
        if (problem != null) {
            ReaderSupport.unusable(header.file(), header.recordLine(), header.rateColumn(), problem, givenHz,
                    options.sampleRateGivenBy(),
                    " Hz", warnings);
            return givenHz;
        }
        if (Double.isNaN(givenHz)) {
            if (header.rateText() == null) {
                warnings.add(header.file() + ":" + header.recordLine() + ": the record line gives no sampling"
                        + " frequency, so WFDB's default of " + fileRateHz
                        + " Hz is used; give --rate if the record was sampled otherwise");
            }
            return fileRateHz;
        }
        if (header.rateText() != null && givenHz != fileRateHz) {
            String where = header.file() + ":" + header.recordLine() + ":" + header.rateColumn() + ": ";
            warnings.add(ReaderSupport.rateOverride(where, options.sampleRateGivenBy(), givenHz, fileRateHz,
                    "the header's"));
        }
        return givenHz;
    }

    private static RecordingMetadata metadata(WfdbHeader header, List<ChannelName> names, ReadOptions options,
                                              List<String> warnings) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("source_format", RecordingFormat.WFDB.id());
        properties.put("record", header.recordName());
        if (header.rateText() == null && Double.isNaN(options.sampleRateHz())) {
            properties.put(RecordingMetadata.SAMPLE_RATE_SOURCE, "default");   // WFDB's 250 Hz, told in a warning
        }
        for (int s = 0; s < names.size(); s++) {
            WfdbSignalSpec spec = header.signals().get(s);
            String description = spec.description();
            if (!description.isEmpty()) {
                properties.put("description." + names.get(s), description);
            }
            int lowestCode = spec.gain() > 0 ? spec.invalidSample() + 1 : -spec.invalidSample() - 1;
            properties.put(RecordingMetadata.RANGE_MIN_PREFIX + names.get(s),
                    Float.toString(physical(lowestCode, spec.baseline(), spec.gain())));
        }
        if (!header.comments().isEmpty()) {
            properties.put("comments", String.join(" | ", header.comments()));
        }
        if (header.baseTime() != null) {
            properties.put("base_time", header.baseTime());
        }
        if (header.baseDate() != null) {
            properties.put("base_date", header.baseDate());
        }
        double bodyMassKg = Double.NaN;
        Path subjects = header.file().resolveSibling(GaitnddSubjectTable.FILE_NAME);
        if (Files.exists(subjects)) {
            List<String> subjectWarnings = new ArrayList<>();
            GaitnddSubjectTable.Subject subject = GaitnddSubjectTable.find(subjects, header.recordName(),
                    subjectWarnings);
            if (subject != null) {
                properties.put("subject", header.recordName());
                for (Map.Entry<String, String> e : subject.fields().entrySet()) {
                    properties.put("subject." + e.getKey(), e.getValue());
                }
                bodyMassKg = subject.bodyMassKg();
            }
            if (Double.isNaN(options.bodyMassKg())) {
                warnings.addAll(subjectWarnings);
            }
        }
        bodyMassKg = ReaderSupport.explicitBodyMass(header.file(), GaitnddSubjectTable.FILE_NAME + "'s", bodyMassKg, options,
                warnings);
        return new RecordingMetadata(bodyMassKg, Map.of(), properties);
    }

    /** The physical value of ADC code {@code adu}. */
    private static float physical(int adu, double baseline, double gain) {
        return (float) ((adu - baseline) / gain);
    }

    /** Closes every decoder; close failures are added to {@code failure} when there is one, else thrown. */
    private static void closeAll(WfdbSampleDecoder[] decoders, Throwable failure) throws IOException {
        IOException first = null;
        for (WfdbSampleDecoder d : decoders) {
            if (d == null) {
                continue;
            }
            try {
                d.close();
            } catch (IOException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
