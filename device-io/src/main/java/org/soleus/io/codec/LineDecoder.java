package org.soleus.io.codec;

import java.util.List;
import org.soleus.core.recording.ChannelName;

/**
 * Decodes the line protocol ({@code docs/serial-protocol.md}): text lines as DIY firmware
 * prints them, one sample per line, values separated by commas, semicolons, tabs or spaces
 * (runs of spaces count as one), raw ADC counts or physical values alike.
 *
 * <p>Before the samples a device may send {@code # key: value} metadata lines (the recording
 * format's keys; {@code # sample_rate_hz: 100} states the rate) and a header line naming the
 * channels in the recording format ({@code left.insole.cell01_counts,...}), optionally after a
 * first column {@code time_us}, {@code time_ms} or {@code time_s} with the device clock. A
 * header line yields a {@link StreamDescriptor}; without one, the first row yields channels
 * named {@code none.device.ch01_au}, {@code none.device.ch02_au}, ... (or the names given to
 * the constructor). The delimiter is recognised on the header line, or the first row without
 * one: a tab if there is one, else a semicolon, else a comma, else spaces. Line ends are
 * {@code \n} or {@code \r\n}; numbers use a decimal point; an empty cell or {@code nan} is a
 * missing value.
 *
 * <p>With a time column and a known rate, a step of {@code k} sample periods (within ±25 %)
 * counts {@code k − 1} lost frames and advances the sequence by {@code k}. A row whose clock
 * does not step by one period (a jump, or back) is held until the next row: when that one goes
 * on from it, the jump was real (lines lost, or a device that restarted its clock) and the held
 * row follows with it; when it goes on from the row before, one corrupted digit made the held
 * row's time, and the held row counts as malformed (a line of the protocol has no checksum). A line that is not
 * metadata, a header or a row of the declared width, or that holds a control byte other than a
 * tab (binary data read as lines), counts as malformed. The first line after
 * construction or {@link #reset()} is skipped when it is a row, since the connection may have
 * begun in the middle of it.
 *
 * <p>No allocation per row; metadata and header lines allocate. Not thread-safe.
 *
 * <p>The parts: {@link TextLine} gathers a line and splits it into cells, {@link LineMetadata}
 * reads the metadata lines, {@link LineHeader} the channels, {@link RowReader} a row's values
 * and {@link RowClock} numbers the rows by their clock.
 */
public final class LineDecoder implements StreamDecoder {
    /** Longest line accepted, bytes; longer lines count as malformed. */
    public static final int MAX_LINE_BYTES = 16384;

    private final DecoderCounters counters = new DecoderCounters();
    private final TextLine text = new TextLine();
    private final LineMetadata metadata;
    private final LineHeader header;
    private final RowReader rows = new RowReader(text);
    private final RowClock clock = new RowClock(counters, rows);

    private boolean synchronised;
    private StreamDescriptor descriptor;
    /**
     * Why the last line before the first row that read as a header, and was no row either, was
     * refused (the header itself, where a banner came before it); null when none was.
     */
    private volatile String headerProblem;

    /** A decoder that takes rate and channel names from the stream. */
    public LineDecoder() {
        this(Double.NaN);
    }

    /**
     * @param sampleRateHz the rate, winning over a {@code # sample_rate_hz} line; NaN to take it
     *                     from the stream
     */
    public LineDecoder(double sampleRateHz) {
        this(sampleRateHz, false);
    }

    /**
     * As {@link #LineDecoder(double)}; where {@code eventTimingGiven} (the user gives the
     * timing, {@code --event-timing}), an {@code # event_timing} line is left out rather than
     * taken, and a value that names no timing refuses nothing.
     */
    public LineDecoder(double sampleRateHz, boolean eventTimingGiven) {
        if (!(Double.isNaN(sampleRateHz) || (sampleRateHz > 0 && !Double.isInfinite(sampleRateHz)))) {
            throw new IllegalArgumentException("sample rate must be > 0 Hz or NaN (from the stream), got " + sampleRateHz);
        }
        this.metadata = new LineMetadata(sampleRateHz, eventTimingGiven);
        this.header = new LineHeader(text, metadata);
    }

    @Override
    public DecoderCounters counters() {
        return counters;
    }

    @Override
    public String headerProblem() {
        return headerProblem;
    }

    @Override
    public void reset() {
        text.reset();
        synchronised = false;
        clock.reset();
    }

    @Override
    public void decode(byte[] buffer, int offset, int length, FrameSink sink) {
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("range [" + offset + ", " + (offset + length)
                    + ") is outside a buffer of length " + buffer.length);
        }
        counters.bytes += length;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int newline = text.feed(buffer, i, end);
            if (newline < end) {
                endOfLine(sink);
            }
            i = newline + 1;
        }
        counters.publish();
    }

    private void endOfLine(FrameSink sink) {
        boolean tooLong = text.end();
        int from = text.from();
        if (tooLong || text.hasControlBytes()) {
            countMalformed();
            return;
        }
        if (from == text.to()) {
            return;
        }
        if (text.bytes()[from] == '#') {
            metadata.read(text.string(from + 1, text.to()));
            synchronised = true;
            return;
        }
        if (text.startsName() && header(sink)) {
            synchronised = true;
            return;
        }
        if (descriptor == null && !headerless(sink)) {
            countMalformed();
            return;
        }
        row(sink);
    }

    /** A line that is neither metadata nor a header: a row of the channels in force. */
    private void row(FrameSink sink) {
        if (!rows.read()) {
            countMalformed();
            return;
        }
        if (!synchronised) {
            synchronised = true;
            clock.first();
            return;
        }
        clock.emit(sink);
    }

    /**
     * Rows come faster than the stated rate: of every two or three, the ones between rows a
     * period apart are dropped as corrupted times (one in four of the rows handed on, and at
     * least 10), which a firmware whose {@code # sample_rate_hz} is not its rate gives.
     */
    @Override
    public String fasterThanStated() {
        return descriptor == null ? null : clock.fasterThanStated();
    }

    private void countMalformed() {
        if (synchronised) {
            counters.malformed++;
        }
        synchronised = true;
    }

    /**
     * Why the stream's metadata refuses every header and headerless row after it (an
     * {@code event_timing} there is not), naming the line; null when it does not.
     */
    @Override
    public String refusedDescriptor() {
        return metadata.refused();
    }

    /** A header line of channel names; false when the line is not one. */
    private boolean header(FrameSink sink) {
        StreamDescriptor d = header.header();
        if (d == null) {
            return false;
        }
        // A header after rows of the same connection is a restart (after a reconnect, the link's
        // gap is told as such), unless it repeats the one in force over a clock that then goes on
        // from the row before: a device that prints its header again. Whether that clock goes on
        // is its next rows' to tell, as for any clock that jumps back.
        // a row held for its clock's jump belongs to the stream before this header: it goes first
        clock.handOnHeld(sink);
        int time = header.timeColumn();
        boolean repeated = descriptor != null && time != RowReader.NO_TIME_COLUMN && time == rows.timeColumn()
                && clock.haveTime() && d.channelNames().equals(descriptor.channelNames());
        if (!repeated) {
            clock.restart();
            if (descriptor != null && clock.handedOnFrames()) {
                sink.onRestart();
            }
        }
        install(d, sink);
        return true;
    }

    /**
     * Channels for a stream without a header line, from the width of its first row; false when
     * the line is no row (and the header it may have been is quoted for {@link #headerProblem}).
     */
    private boolean headerless(FrameSink sink) {
        StreamDescriptor d = header.headerless();
        if (d != null) {
            install(d, sink);
            return true;
        }
        if (text.startsName()) {
            String problem = header.problem();
            if (problem != null) {
                headerProblem = problem;
            }
        }
        return false;
    }

    /**
     * Whether {@code names} are those of a stream whose rows came without a header line
     * ({@code none.device.ch01_au}, {@code none.device.ch02_au}, ...), not names a header gave.
     */
    public static boolean namedWithoutHeader(List<ChannelName> names) {
        for (int c = 0; c < names.size(); c++) {
            if (!names.get(c).equals(LineHeader.headerlessName(c + 1))) {
                return false;
            }
        }
        return !names.isEmpty();
    }

    /**
     * Puts {@code d} in force. A held row goes on with the new rows' time column, before the
     * clock takes the new rate.
     */
    private void install(StreamDescriptor d, FrameSink sink) {
        clock.handOnHeld(sink);
        rows.layout(header.delimiter(), header.timeColumn(), d.width());
        clock.install(d.sampleRateHz());
        descriptor = d;
        counters.descriptors++;
        counters.publish();   // before the descriptor: a consumer that sees it sees the counts up to it
        sink.onDescriptor(d);
    }
}
