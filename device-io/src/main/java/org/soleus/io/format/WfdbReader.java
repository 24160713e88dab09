package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * Streams the record whose header is {@code path} into {@code sink}: parses the header
     * ({@link WfdbHeaderParser}), finds its signal files ({@link WfdbSignalGroup}), announces the
     * channels, rate and metadata ({@link #announced}), then streams the frames
     * ({@link WfdbFrameStream}).
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
        List<WfdbSignalGroup> groups = WfdbSignalGroup.of(header);
        List<String> warnings = new ArrayList<>();
        RecordingHeader announced = announced(path, header, options, warnings);
        WfdbSampleDecoder[] decoders = new WfdbSampleDecoder[groups.size()];
        Throwable failure = null;
        try {
            for (int g = 0; g < decoders.length; g++) {
                decoders[g] = groups.get(g).open(header, bufferBytes);
            }
            sink.start(announced);
            WfdbFrameStream.stream(header, announced.sampleRateHz(), groups, decoders, sink, warnings);
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            closeAll(decoders, failure);
        }
        sink.end(warnings);
    }

    /**
     * What the record announces to the sink: its channels ({@link WfdbChannelNaming}), sample rate
     * ({@link WfdbRecordLine#sampleRate}) and metadata ({@link WfdbMetadata}), with their warnings.
     */
    private static RecordingHeader announced(Path path, WfdbHeader header, ReadOptions options, List<String> warnings)
            throws DataFormatException {
        WfdbRecordLine.checkRecordName(header, warnings);
        List<ChannelName> names = WfdbChannelNaming.names(header.signals());
        warnings.addAll(WfdbChannelNaming.warnings(header.file(), header.signals(), names));
        if (options.timeColumnIgnored()) {
            warnings.add(header.file() + ": has no time column: --ignore-time changes nothing");
        }
        return new RecordingHeader(path.toString(), WfdbRecordLine.sampleRate(header, options, warnings), 0,
                names, WfdbMetadata.of(header, names, options, warnings));
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
