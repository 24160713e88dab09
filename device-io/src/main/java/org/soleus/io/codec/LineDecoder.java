package org.soleus.io.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Side;
import org.soleus.io.format.text.DecimalParser;

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
 */
public final class LineDecoder implements StreamDecoder {
    /** Longest line accepted, bytes; longer lines count as malformed. */
    public static final int MAX_LINE_BYTES = 16384;
    private static final int MAX_COLUMNS = 1024;
    /** How far a time step may be off a whole number of periods, in periods (clocks jitter). */
    private static final double STEP_TOLERANCE = 0.25;
    /**
     * How far, per period, a gap of whole periods may be off beyond {@link #STEP_TOLERANCE}: the
     * device's clock may run off its declared rate (0.5 %, as a file's time column may,
     * without notice), so that over a long gap the drift, not the loss, sets the fraction.
     */
    private static final double CLOCK_DRIFT = 0.005;

    private static final int NO_TIME_COLUMN = 0;
    private static final long[] TIME_UNIT_US = {0, 1, 1_000, 1_000_000};
    /** The column of a {@code time_us} clock. */
    private static final int TIME_US = 1;
    /** Where a 32-bit microsecond clock (Arduino's {@code micros()}) wraps, µs: after 71.6 minutes. */
    private static final long MICROS_WRAP_US = 1L << 32;
    /** The most of a refused header line that {@link #headerProblem} quotes, characters. */
    private static final int QUOTED_LINE_CHARS = 80;

    private final double rateOverrideHz;
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private final DecimalParser number = new DecimalParser();
    private final DecoderCounters counters = new DecoderCounters();
    private final Map<String, String> properties = new LinkedHashMap<>();

    private int lineLength;
    private boolean overlong;
    private boolean synchronised;
    private byte delimiter;
    private double statedRateHz = Double.NaN;
    /** Whether the user gives the event timing, so that the stream's is left out. */
    private final boolean eventTimingGiven;

    private StreamDescriptor descriptor;
    /** Why {@link #header} refused the last line it was given. */
    private String headerRefusal;
    /**
     * Why the last line before the first row that read as a header, and was no row either, was
     * refused (the header itself, where a banner came before it); null when none was.
     */
    private volatile String headerProblem;
    /** Why the metadata in force refuses every descriptor (an {@code event_timing} there is not), or null. */
    private volatile String refusedMetadata;
    private int timeColumn;
    private float[] values = new float[0];
    private long sequence = -1;
    private boolean haveTime;
    private long lastTimeUs;
    /** What the wraps of a 32-bit {@code time_us} clock so far add to its times, µs. */
    private long wrapUs;
    /** Rows dropped that lay within a period, between two rows a period apart ({@link #fasterThanStated}). */
    private long rowsWithinAPeriod;
    /** The step from the row before to the last of {@link #rowsWithinAPeriod}, µs. */
    private long withinStepUs;
    /** Frames handed on since construction or the last {@link #reset()}. */
    private long framesSinceReset;
    /** The time of the row just parsed, µs. */
    private long rowTimeUs;
    /** A row whose clock jumped, waiting for the next to tell ({@link #emit}). */
    private boolean held;
    private float[] heldValues = new float[0];
    private long heldTimeUs;

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
        this.rateOverrideHz = sampleRateHz;
        this.eventTimingGiven = eventTimingGiven;
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
        lineLength = 0;
        overlong = false;
        synchronised = false;
        haveTime = false;
        framesSinceReset = 0;
        dropHeld();
    }

    @Override
    public void decode(byte[] buffer, int offset, int length, FrameSink sink) {
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("range [" + offset + ", " + (offset + length)
                    + ") is outside a buffer of length " + buffer.length);
        }
        counters.bytes += length;
        int end = offset + length;
        byte[] l = line;
        for (int i = offset; i < end; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                endOfLine(sink);
            } else if (lineLength < l.length) {
                l[lineLength++] = b;
            } else {
                overlong = true;
            }
        }
        counters.publish();
    }

    private void endOfLine(FrameSink sink) {
        int from = 0;
        int to = lineLength;
        boolean tooLong = overlong;
        lineLength = 0;
        overlong = false;
        byte[] l = line;
        while (to > from && (l[to - 1] == '\r' || l[to - 1] == ' ')) {
            to--;
        }
        if (to - from >= 3 && l[from] == (byte) 0xEF && l[from + 1] == (byte) 0xBB && l[from + 2] == (byte) 0xBF) {
            from += 3;   // a UTF-8 byte order mark, as some serial terminals and editors write first
        }
        while (from < to && l[from] == ' ') {
            from++;
        }
        if (tooLong || hasControlBytes(from, to)) {
            countMalformed();
            return;
        }
        if (from == to) {
            return;
        }
        if (l[from] == '#') {
            metadata(from + 1, to);
            synchronised = true;
            return;
        }
        if ((isLetter(l[from]) || l[from] == '"') && header(from, to, sink)) {
            synchronised = true;
            return;
        }
        if (descriptor == null) {
            if (!defaultDescriptor(from, to, sink)) {
                // a line of other bytes than text is binary data read as lines, not a header to quote
                if ((isLetter(l[from]) || l[from] == '"') && headerRefusal != null && isText(l, from, to)) {
                    String text = new String(l, from, to - from, StandardCharsets.UTF_8);
                    int quoted = text.offsetByCodePoints(0, Math.min(text.codePointCount(0, text.length()), QUOTED_LINE_CHARS));
                    headerProblem = "'" + text.substring(0, quoted) + (quoted < text.length() ? "…" : "") + "' was no header: "
                            + headerRefusal;
                }
                countMalformed();
                return;
            }
        }
        if (!row(from, to)) {
            countMalformed();
            return;
        }
        if (!synchronised) {
            synchronised = true;
            advance(rowTimeUs);
            return;
        }
        emit(sink);
    }

    /**
     * Passes the row just parsed on, or holds it when its clock jumped: the next row tells
     * whether the jump was real (it goes on from the held row, which then follows) or one
     * corrupted time (it goes on from the row before; the held row counts as malformed). A held
     * row at the time of the row before is that row repeated, and counts as malformed too; one a
     * period after the row that comes next, which is itself a period after the row before, crossed
     * it on the way, and both follow in their order.
     */
    private void emit(FrameSink sink) {
        if (timeColumn == TIME_US && haveTime && !stepsOnePeriod(lastTimeUs, rowTimeUs)
                && stepsOnePeriod(lastTimeUs, rowTimeUs + MICROS_WRAP_US)) {
            // a 32-bit microsecond clock that wrapped: its times go on from where they were
            wrapUs += MICROS_WRAP_US;
            rowTimeUs += MICROS_WRAP_US;
        }
        if (held && stepsOnePeriod(lastTimeUs, rowTimeUs) && stepsOnePeriod(rowTimeUs, heldTimeUs)) {
            // two rows that crossed on their way (UDP datagrams): this one, then the one held
            held = false;
            advance(rowTimeUs);
            frame(values, sink);
            advance(heldTimeUs);
            frame(heldValues, sink);
            return;
        }
        if (held) {
            held = false;
            if (stepsOnePeriod(heldTimeUs, rowTimeUs) && !repeats(lastTimeUs, heldTimeUs)) {
                if (heldTimeUs < lastTimeUs) {
                    sink.onRestart();
                }
                advance(heldTimeUs);
                frame(heldValues, sink);
            } else {
                counters.malformed++;
                if (heldTimeUs > lastTimeUs && heldTimeUs < rowTimeUs && stepsOnePeriod(lastTimeUs, rowTimeUs)) {
                    // a row within a period, between two a period apart: rows may come faster than stated
                    rowsWithinAPeriod++;
                    withinStepUs = heldTimeUs - lastTimeUs;
                }
            }
        }
        if (timeColumn != NO_TIME_COLUMN && haveTime && !Double.isNaN(descriptor.sampleRateHz())
                && !stepsOnePeriod(lastTimeUs, rowTimeUs)) {
            if (heldValues.length != values.length) {
                heldValues = new float[values.length];
            }
            System.arraycopy(values, 0, heldValues, 0, values.length);
            heldTimeUs = rowTimeUs;
            held = true;
            return;
        }
        advance(rowTimeUs);
        frame(values, sink);
    }

    /**
     * Whether a row's time is that of the row before, within the step tolerance: the same row
     * again (a datagram a network delivered twice), which the row after it goes on from as well.
     */
    private boolean repeats(long previousUs, long timeUs) {
        return Math.abs((timeUs - previousUs) * descriptor.sampleRateHz() / 1e6) <= STEP_TOLERANCE;
    }

    private boolean stepsOnePeriod(long fromUs, long toUs) {
        return Math.abs((toUs - fromUs) * descriptor.sampleRateHz() / 1e6 - 1) <= STEP_TOLERANCE;
    }

    private void frame(float[] frameValues, FrameSink sink) {
        counters.frames++;
        framesSinceReset++;
        sink.onFrame(sequence, timeColumn == NO_TIME_COLUMN ? FrameSink.NO_TIME : lastTimeUs, frameValues);
    }

    /**
     * Rows come faster than the stated rate: of every two or three, the ones between rows a
     * period apart are dropped as corrupted times (one in four of the rows handed on, and at
     * least 10), which a firmware whose {@code # sample_rate_hz} is not its rate gives.
     */
    @Override
    public String fasterThanStated() {
        if (rowsWithinAPeriod < 10 || 4 * rowsWithinAPeriod < counters.frames || descriptor == null) {
            return null;
        }
        double stepS = withinStepUs / 1e6;
        return String.format(java.util.Locale.ROOT, "rows come every %.4g s, faster than the %s Hz the stream states (a"
                + " row every %.4g s), and %d of them were dropped as out of step: pass --rate %.0f, or have the firmware"
                + " state its rate", stepS, descriptor.sampleRateHz(), 1 / descriptor.sampleRateHz(), rowsWithinAPeriod,
                1 / stepS);
    }

    /** A held row that no next row will tell about (the link was reset, the channels changed) counts as malformed. */
    private void dropHeld() {
        if (held) {
            held = false;
            counters.malformed++;
        }
    }

    /**
     * Whether the line holds a control byte other than a tab (a NUL, DEL or any byte below 0x20):
     * text lines do not, binary frames read as lines nearly always do (a wrong {@code --protocol}
     * or baud rate), and such a line must not define the channels.
     */
    private boolean hasControlBytes(int from, int to) {
        byte[] l = line;
        for (int i = from; i < to; i++) {
            byte b = l[i];
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private void countMalformed() {
        if (synchronised) {
            counters.malformed++;
        }
        synchronised = true;
    }

    private static boolean isLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    /**
     * Whether {@code l[from .. to)}, which holds no control bytes ({@link #hasControlBytes}), is
     * UTF-8 text, which a message may quote: a header may name a channel with a letter beyond
     * ASCII, while binary data read as lines is seldom valid UTF-8.
     */
    private static boolean isText(byte[] l, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(l, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** {@code # key: value}: the rate, or a property for the next descriptor. */
    private void metadata(int from, int to) {
        String body = new String(line, from, to - from, StandardCharsets.UTF_8).strip();
        int colon = body.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String key = body.substring(0, colon).strip();
        String value = body.substring(colon + 1).strip();
        if (key.equals("sample_rate_hz")) {
            try {
                double rate = Double.parseDouble(value);
                statedRateHz = rate > 0 && !Double.isInfinite(rate) ? rate : Double.NaN;
            } catch (NumberFormatException e) {
                statedRateHz = Double.NaN;
            }
        } else if (!key.equals("format") && !key.equals("warning")
                && !(eventTimingGiven && key.equals(EventTiming.PROPERTY))) {
            properties.put(key, value);
            if (key.equals(EventTiming.PROPERTY)) {
                refusedMetadata = refusal(key, value);
            }
        }
    }

    /** Why the metadata line {@code key: value} refuses every descriptor after it, or null when it does not. */
    private static String refusal(String key, String value) {
        try {
            EventTiming.of(value);
            return null;
        } catch (IllegalArgumentException e) {
            return "the stream's metadata line '# " + key + ": " + value + "' was refused: " + e.getMessage();
        }
    }

    /**
     * Why the stream's metadata refuses every header and headerless row after it (an
     * {@code event_timing} there is not), naming the line; null when it does not.
     */
    @Override
    public String refusedDescriptor() {
        return refusedMetadata;
    }

    /** A header line of channel names; false when the line is not one. */
    private boolean header(int from, int to, FrameSink sink) {
        byte d = detectDelimiter(from, to);
        List<String> tokens = new ArrayList<>();
        for (String token : split(from, to, d)) {
            // a name in double quotes, as a CSV writer quotes it
            tokens.add(token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
                    ? token.substring(1, token.length() - 1).strip() : token);
        }
        while (tokens.size() > 1 && tokens.get(tokens.size() - 1).isEmpty()) {
            tokens.remove(tokens.size() - 1);   // a delimiter after the last name
        }
        int time = NO_TIME_COLUMN;
        switch (tokens.get(0)) {
            case "time_us" -> time = 1;
            case "time_ms" -> time = 2;
            case "time_s" -> time = 3;
            default -> time = NO_TIME_COLUMN;
        }
        List<ChannelSpec> channels = new ArrayList<>(tokens.size());
        for (int k = time == NO_TIME_COLUMN ? 0 : 1; k < tokens.size(); k++) {
            String token = tokens.get(k);
            if (!ChannelName.isValid(token)) {
                headerRefusal = "'" + token + "' is not a channel name of the form <side>.<place>.<quantity>_<unit>";
                return false;
            }
            channels.add(ChannelSpec.ofFloat(ChannelName.parse(token)));
        }
        StreamDescriptor d2;
        try {
            d2 = new StreamDescriptor(rateHz(), channels, properties);
        } catch (IllegalArgumentException e) {
            headerRefusal = e.getMessage();
            return false;
        }
        // A header after rows of the same connection is a restart (after a reconnect, the link's
        // gap is told as such), unless it repeats the one in force over a clock that then goes on
        // from the row before: a device that prints its header again. Whether that clock goes on
        // is its next rows' to tell, as for any clock that jumps back.
        boolean repeated = descriptor != null && time != NO_TIME_COLUMN && time == timeColumn && haveTime
                && d2.channelNames().equals(descriptor.channelNames());
        delimiter = d;
        if (!repeated) {
            timeColumn = time;
            haveTime = false;
            wrapUs = 0;
            if (descriptor != null && framesSinceReset > 0) {
                sink.onRestart();
            }
        }
        install(d2, sink);
        return true;
    }

    private double rateHz() {
        return Double.isNaN(rateOverrideHz) ? statedRateHz : rateOverrideHz;
    }

    /** Channels for a stream without a header line, from the width of its first row. */
    private boolean defaultDescriptor(int from, int to, FrameSink sink) {
        byte d = detectDelimiter(from, to);
        List<String> cells = split(from, to, d);
        if (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);   // a delimiter ending the row, which row() reads so too
        }
        int width = cells.size();
        if (width > MAX_COLUMNS) {
            return false;
        }
        for (String cell : cells) {
            byte[] text = cell.getBytes(StandardCharsets.US_ASCII);
            if (text.length > 0 && number.scan(text, 0, text.length) != text.length) {
                return false;
            }
        }
        List<ChannelSpec> channels = new ArrayList<>(width);
        for (int c = 1; c <= width; c++) {
            channels.add(ChannelSpec.ofFloat(headerlessName(c)));
        }
        StreamDescriptor descriptor;
        try {
            descriptor = new StreamDescriptor(rateHz(), channels, properties);
        } catch (IllegalArgumentException e) {
            return false;   // metadata that refuses every descriptor, which refusedDescriptor() names
        }
        delimiter = d;
        timeColumn = NO_TIME_COLUMN;
        install(descriptor, sink);
        return true;
    }

    /** The name of column {@code c} (from 1) of a stream without a header line: {@code none.device.ch01_au}. */
    private static ChannelName headerlessName(int c) {
        return new ChannelName(Side.NONE, "device", String.format(java.util.Locale.ROOT, "ch%02d", c), "au");
    }

    /**
     * Whether {@code names} are those of a stream whose rows came without a header line
     * ({@code none.device.ch01_au}, {@code none.device.ch02_au}, ...), not names a header gave.
     */
    public static boolean namedWithoutHeader(List<ChannelName> names) {
        for (int c = 0; c < names.size(); c++) {
            if (!names.get(c).equals(headerlessName(c + 1))) {
                return false;
            }
        }
        return !names.isEmpty();
    }

    private void install(StreamDescriptor d, FrameSink sink) {
        if (held) {
            // no next row of these channels will tell: the held row goes as the jump it showed
            held = false;
            advance(heldTimeUs);
            frame(heldValues, sink);
        }
        if (descriptor == null || descriptor.width() != d.width()) {
            values = new float[d.width()];
        }
        descriptor = d;
        counters.descriptors++;
        counters.publish();   // before the descriptor: a consumer that sees it sees the counts up to it
        sink.onDescriptor(d);
    }

    private byte detectDelimiter(int from, int to) {
        byte found = ' ';
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b == '\t') {
                return '\t';
            }
            if (b == ';') {
                found = ';';
            } else if (b == ',' && found == ' ') {
                found = ',';
            }
        }
        return found;
    }

    private List<String> split(int from, int to, byte d) {
        List<String> cells = new ArrayList<>();
        int p = from;
        while (true) {
            int e = cellEnd(p, to, d);
            cells.add(new String(line, p, e - p, StandardCharsets.UTF_8).strip());
            if (e >= to) {
                return cells;
            }
            p = nextCell(e, to, d);
        }
    }

    private int cellEnd(int p, int to, byte d) {
        byte[] l = line;
        if (d == ' ') {
            while (p < to && l[p] != ' ' && l[p] != '\t') {
                p++;
            }
        } else {
            while (p < to && l[p] != d) {
                p++;
            }
        }
        return p;
    }

    private int nextCell(int e, int to, byte d) {
        int p = e + 1;
        if (d == ' ') {
            while (p < to && (line[p] == ' ' || line[p] == '\t')) {
                p++;
            }
        }
        return p;
    }

    /** Parses a row into {@link #values}, advancing sequence and clock; false when malformed. */
    private boolean row(int from, int to) {
        byte d = delimiter;
        float[] v = values;
        int expected = v.length + (timeColumn == NO_TIME_COLUMN ? 0 : 1);
        long timeUs = 0;
        int column = 0;
        int p = from;
        while (true) {
            int e = cellEnd(p, to, d);
            if (column >= expected) {
                // one empty cell after the last is a delimiter ending the row, as a print loop writes it
                return column == expected && e >= to && isBlank(p, e) && finish(timeUs);
            }
            int a = p;
            int b = e;
            while (a < b && line[a] == ' ') {
                a++;
            }
            while (b > a && line[b - 1] == ' ') {
                b--;
            }
            boolean isTime = timeColumn != NO_TIME_COLUMN && column == 0;
            if (a == b || b - a == 2 && line[a] == 'N' && line[a + 1] == 'A') {   // empty or R's NA: missing
                if (isTime) {
                    return false;
                }
                v[column - (timeColumn == NO_TIME_COLUMN ? 0 : 1)] = Float.NaN;
            } else {
                if (number.scan(line, a, b) != b) {
                    return false;
                }
                if (isTime) {
                    double t = number.doubleValue() * TIME_UNIT_US[timeColumn];
                    if (!Double.isFinite(t)) {
                        return false;
                    }
                    timeUs = Math.round(t) + (timeColumn == TIME_US ? wrapUs : 0);
                } else {
                    v[column - (timeColumn == NO_TIME_COLUMN ? 0 : 1)] = number.floatValue();
                }
            }
            column++;
            if (e >= to) {
                break;
            }
            p = nextCell(e, to, d);
        }
        return column == expected && finish(timeUs);
    }

    /** Takes the row just parsed, with its time. */
    private boolean finish(long timeUs) {
        rowTimeUs = timeUs;
        return true;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private void advance(long timeUs) {
        long step = 1;
        double rate = descriptor.sampleRateHz();
        if (timeColumn != NO_TIME_COLUMN && haveTime && !Double.isNaN(rate)) {
            double periods = (timeUs - lastTimeUs) * rate / 1e6;
            double k = Math.rint(periods);
            if (k >= 2 && Math.abs(periods - k) <= STEP_TOLERANCE + k * CLOCK_DRIFT && synchronised) {
                step = (long) k;
                counters.lostFrames += step - 1;
            }
        }
        sequence += step;
        lastTimeUs = timeUs;
        haveTime = timeColumn != NO_TIME_COLUMN;
    }
}
