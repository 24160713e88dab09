package org.soleus.io.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Side;
import org.soleus.io.format.text.DecimalParser;

/**
 * The channels of a line-protocol stream, for a {@link LineDecoder}: from a header line naming
 * them in the recording format ({@code left.insole.cell01_counts,...}), optionally after a first
 * column {@code time_us}, {@code time_ms} or {@code time_s} with the device clock; or, without
 * one, from the width of the first row ({@code none.device.ch01_au}, ...). Each comes with the
 * delimiter of its line and the time column of its rows; a header that is refused leaves why.
 *
 * <p>Allocates per header line and first row. Not thread-safe.
 */
final class LineHeader {
    private static final int MAX_COLUMNS = 1024;
    /** The most of a refused header line that {@link #problem} quotes, characters. */
    private static final int QUOTED_LINE_CHARS = 80;

    private final TextLine text;
    private final LineMetadata metadata;
    private final DecimalParser number = new DecimalParser();

    /** Why {@link #header} refused the last line it was given. */
    private String refusal;
    private byte delimiter;
    private int timeColumn;

    LineHeader(TextLine text, LineMetadata metadata) {
        this.text = text;
        this.metadata = metadata;
    }

    /** The delimiter of the line that gave the last descriptor. */
    byte delimiter() {
        return delimiter;
    }

    /** The time column ({@link RowReader#NO_TIME_COLUMN}, {@link RowReader#TIME_US}, ...) of the last descriptor's rows. */
    int timeColumn() {
        return timeColumn;
    }

    /** The descriptor of the header line that is {@link #text}; null when it is not one. */
    StreamDescriptor header() {
        byte d = text.delimiter();
        List<String> tokens = names(d);
        int time = switch (tokens.get(0)) {
            case "time_us" -> RowReader.TIME_US;
            case "time_ms" -> RowReader.TIME_MS;
            case "time_s" -> RowReader.TIME_S;
            default -> RowReader.NO_TIME_COLUMN;
        };
        List<ChannelSpec> channels = new ArrayList<>(tokens.size());
        for (int k = time == RowReader.NO_TIME_COLUMN ? 0 : 1; k < tokens.size(); k++) {
            String token = tokens.get(k);
            if (!ChannelName.isValid(token)) {
                refusal = "'" + token + "' is not a channel name of the form <side>.<place>.<quantity>_<unit>";
                return null;
            }
            channels.add(ChannelSpec.ofFloat(ChannelName.parse(token)));
        }
        StreamDescriptor descriptor;
        try {
            descriptor = new StreamDescriptor(metadata.rateHz(), channels, metadata.properties());
        } catch (IllegalArgumentException e) {
            refusal = e.getMessage();
            return null;
        }
        delimiter = d;
        timeColumn = time;
        return descriptor;
    }

    /** The header's names at delimiter {@code d}, without the double quotes a CSV writer puts round them. */
    private List<String> names(byte d) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.split(d)) {
            // a name in double quotes, as a CSV writer quotes it
            tokens.add(token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
                    ? token.substring(1, token.length() - 1).strip() : token);
        }
        while (tokens.size() > 1 && tokens.get(tokens.size() - 1).isEmpty()) {
            tokens.remove(tokens.size() - 1);   // a delimiter after the last name
        }
        return tokens;
    }

    /** Channels for a stream without a header line, from the width of its first row, the {@link #text}; null when it is no row. */
    StreamDescriptor headerless() {
        byte d = text.delimiter();
        List<String> cells = text.split(d);
        if (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);   // a delimiter ending the row, which RowReader reads so too
        }
        int width = cells.size();
        if (width > MAX_COLUMNS || !allNumbers(cells)) {
            return null;
        }
        List<ChannelSpec> channels = new ArrayList<>(width);
        for (int c = 1; c <= width; c++) {
            channels.add(ChannelSpec.ofFloat(headerlessName(c)));
        }
        StreamDescriptor descriptor;
        try {
            descriptor = new StreamDescriptor(metadata.rateHz(), channels, metadata.properties());
        } catch (IllegalArgumentException e) {
            return null;   // metadata that refuses every descriptor, which refusedDescriptor() names
        }
        delimiter = d;
        timeColumn = RowReader.NO_TIME_COLUMN;
        return descriptor;
    }

    /** Whether every cell is empty or a number. */
    private boolean allNumbers(List<String> cells) {
        for (String cell : cells) {
            byte[] bytes = cell.getBytes(StandardCharsets.US_ASCII);
            if (bytes.length > 0 && number.scan(bytes, 0, bytes.length) != bytes.length) {
                return false;
            }
        }
        return true;
    }

    /** The name of column {@code c} (from 1) of a stream without a header line: {@code none.device.ch01_au}. */
    static ChannelName headerlessName(int c) {
        return new ChannelName(Side.NONE, "device", String.format(java.util.Locale.ROOT, "ch%02d", c), "au");
    }

    /**
     * Why the {@link #text}, which began as a name but read as neither a header nor a row, was no
     * header, quoting it; null when no header was refused, or it is no UTF-8 text (a line of
     * other bytes than text is binary data read as lines, not a header to quote).
     */
    String problem() {
        if (refusal == null || !text.isText()) {
            return null;
        }
        String line = text.string(text.from(), text.to());
        int quoted = line.offsetByCodePoints(0, Math.min(line.codePointCount(0, line.length()), QUOTED_LINE_CHARS));
        return "'" + line.substring(0, quoted) + (quoted < line.length() ? "…" : "") + "' was no header: " + refusal;
    }
}
