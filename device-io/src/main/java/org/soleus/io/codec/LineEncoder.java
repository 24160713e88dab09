package org.soleus.io.codec;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.soleus.io.format.text.DecimalFormatter;

/**
 * Writes the line protocol ({@code docs/serial-protocol.md}) for one {@link StreamDescriptor}:
 * metadata lines, a header line and one text row per sample, as a device would print them.
 * Values are written in the shortest form that reads back as the same float, so a row decodes
 * to exactly the values encoded; NaN is an empty cell ({@code nan} with the space delimiter,
 * where an empty cell cannot be seen).
 *
 * <p>No allocation per row. Not thread-safe.
 */
public final class LineEncoder {
    private final StreamDescriptor descriptor;
    private final byte delimiter;
    private final boolean timeColumn;

    /**
     * @param descriptor what to write
     * @param delimiter  {@code ','}, {@code ';'}, {@code '\t'} or {@code ' '}
     * @param timeColumn whether rows start with the device time in µs ({@code time_us})
     */
    public LineEncoder(StreamDescriptor descriptor, char delimiter, boolean timeColumn) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        if (delimiter != ',' && delimiter != ';' && delimiter != '\t' && delimiter != ' ') {
            throw new IllegalArgumentException("delimiter must be ',', ';', tab or space, got '" + delimiter + "'");
        }
        this.delimiter = (byte) delimiter;
        this.timeColumn = timeColumn;
    }

    /**
     * The lines before the first row: {@code # sample_rate_hz}, one {@code # key: value} line
     * per property, and the header line.
     */
    public byte[] header() {
        StringBuilder sb = new StringBuilder();
        if (descriptor.hasSampleRate()) {
            sb.append("# sample_rate_hz: ").append(descriptor.sampleRateHz()).append('\n');
        }
        for (Map.Entry<String, String> e : descriptor.properties().entrySet()) {
            sb.append("# ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        boolean first = true;
        if (timeColumn) {
            sb.append("time_us");
            first = false;
        }
        for (ChannelSpec c : descriptor.channels()) {
            if (!first) {
                sb.append((char) delimiter);
            }
            sb.append(c.name());
            first = false;
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The most bytes {@link #encodeRow} writes. */
    public int maxRowBytes() {
        return (descriptor.width() + 1) * (DecimalFormatter.MAX_FIXED_BYTES + 1) + 1;
    }

    /**
     * Writes one row.
     *
     * @param timeUs device time, µs (written only with a time column)
     * @param values values in channel order, NaN for missing
     * @return the offset after the line end
     */
    public int encodeRow(long timeUs, float[] values, byte[] out, int off) {
        if (values.length != descriptor.width()) {
            throw new IllegalArgumentException("row has " + values.length + " values, the descriptor declares "
                    + descriptor.width());
        }
        int p = off;
        if (timeColumn) {
            p = DecimalFormatter.writeFixed(timeUs, 0, out, p);
            out[p++] = delimiter;
        }
        for (float v : values) {
            if (Float.isNaN(v) && delimiter == ' ') {
                out[p++] = 'n';
                out[p++] = 'a';
                out[p++] = 'n';
            } else {
                p = DecimalFormatter.writeFloat(v, out, p);
            }
            out[p++] = delimiter;
        }
        out[p - 1] = '\n';
        return p;
    }
}
