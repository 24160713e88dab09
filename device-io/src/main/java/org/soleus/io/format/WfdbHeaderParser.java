package org.soleus.io.format;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.soleus.io.format.WfdbTextFields.Field;
import org.soleus.io.format.text.TextSource;

/**
 * Parses a single-segment WFDB header ({@code .hea}) as specified in the WFDB header(5) manual
 * page (G. B. Moody, WFDB Applications Guide, PhysioNet):
 *
 * <pre>
 * record_name n_signals [sampling_freq[/counter_freq[(base_counter)]] [n_samples [base_time [base_date]]]]
 * file_name format[xspf][:skew][+byte_offset] [gain[(baseline)][/units] [adc_resolution [adc_zero
 *     [initial_value [checksum [block_size [description]]]]]]]
 * </pre>
 *
 * <p>A UTF-8 byte order mark at the start of the file (as Notepad saves it) is skipped, as the
 * other readers skip it ({@link TextSource#byteOrderMarkLength}); columns count from after it.
 * Lines starting with {@code #} are comments; blank lines are skipped. Supported: formats
 * 212, 16 and 80, byte offsets, signals in separate files or several signals interleaved in
 * one file (consecutive signal lines naming the same file). Not supported, each with a
 * located error: multi-segment records, more than one sample per frame, skew, standard input
 * ({@code -}) as a signal file, and every other format. The sampling frequency is kept as
 * written; the reader judges whether it is a rate it takes ({@link ReadOptions#isSampleRate}).
 * Stateless and thread-safe.
 */
final class WfdbHeaderParser {

    /** WFDB default sampling frequency when the record line gives none. */
    static final double DEFAULT_SAMPLE_RATE_HZ = 250;
    /** WFDB default gain (ADC units per physical unit) when the field is absent or zero. */
    static final double DEFAULT_GAIN = 200;

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d+)(?:x(\\d+))?(?::(\\d+))?(?:\\+(\\d+))?");
    private static final Pattern GAIN = Pattern.compile(
            "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)(?:\\(([-+]?\\d+)\\))?(?:/(.+))?");

    private WfdbHeaderParser() {
    }

    /**
     * Reads and parses {@code file}.
     *
     * @throws DataFormatException naming file, line and column of the first problem
     */
    static WfdbHeader parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, 0, 0, "WFDB header not found (expected the record's .hea file)");
        }
        try (InputStream bytes = new BufferedInputStream(Files.newInputStream(file))) {
            bytes.mark(3);
            byte[] start = bytes.readNBytes(3);
            bytes.reset();
            bytes.skipNBytes(TextSource.byteOrderMarkLength(start, start.length));
            return parse(file, new BufferedReader(new InputStreamReader(bytes, StandardCharsets.ISO_8859_1)));
        }
    }

    private static WfdbHeader parse(Path file, BufferedReader in) throws IOException {
        List<String> comments = new ArrayList<>();
        List<WfdbSignalSpec> signals = new ArrayList<>();
        RecordLine record = null;
        String text;
        int line = 0;
        while ((text = in.readLine()) != null) {
            line++;
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.charAt(0) == '#') {
                comments.add(trimmed.substring(1).strip());
                continue;
            }
            if (record == null) {
                record = parseRecordLine(file, line, text);
            } else if (signals.size() < record.signalCount) {
                WfdbSignalSpec spec = parseSignalLine(file, line, text);
                checkGroup(file, signals, spec);
                signals.add(spec);
            } else {
                throw new DataFormatException(file, line, WfdbTextFields.split(text).get(0).column(),
                        "unexpected line: the record line declares " + record.signalCount
                                + " signal(s), all described above; only # comments may follow");
            }
        }
        if (record == null) {
            throw new DataFormatException(file, Math.max(1, line), 0,
                    "no record line: expected '<record name> <number of signals> [<sampling frequency> [<samples per signal>]]'");
        }
        if (signals.size() < record.signalCount) {
            throw new DataFormatException(file, record.line, record.signalCountColumn,
                    "the record line declares " + record.signalCount + " signal(s) but the header describes "
                            + signals.size());
        }
        return new WfdbHeader(file, record.name, record.sampleRateHz, record.rateColumn, record.rateText,
                record.sampleCount,
                record.sampleCountColumn, record.line, record.baseTime, record.baseDate, comments, signals);
    }

    private record RecordLine(int line, String name, int signalCount, int signalCountColumn,
                              double sampleRateHz, int rateColumn, String rateText, long sampleCount,
                              int sampleCountColumn,
                              String baseTime, String baseDate) {
    }

    private static RecordLine parseRecordLine(Path file, int line, String text) throws DataFormatException {
        List<Field> f = WfdbTextFields.split(text);
        Field name = f.get(0);
        int slash = name.text().indexOf('/');
        if (slash >= 0) {
            throw new DataFormatException(file, line, name.column() + slash,
                    "multi-segment record '" + name.text() + "' is not supported; read its segments one by one");
        }
        if (f.size() < 2) {
            throw new DataFormatException(file, line, 0,
                    "expected the number of signals after the record name '" + name.text() + "'");
        }
        Field nsig = f.get(1);
        int signalCount = parseInt(file, line, nsig, "number of signals");
        if (signalCount < 1) {
            throw new DataFormatException(file, line, nsig.column(),
                    "expected at least one signal, found '" + nsig.text() + "'");
        }
        double rateHz = DEFAULT_SAMPLE_RATE_HZ;
        int rateColumn = 0;
        String rateText = null;
        if (f.size() > 2) {
            Field rate = f.get(2);
            String number = rate.text();
            int end = indexOfAny(number, "/(");
            if (end >= 0) {
                number = number.substring(0, end);
            }
            rateHz = parseDouble(file, line, rate, number, "sampling frequency in Hz");
            if (Double.isNaN(rateHz)) {
                throw new DataFormatException(file, line, rate.column(),
                        "expected a sampling frequency in Hz, found '" + rate.text() + "'");
            }
            rateColumn = rate.column();
            rateText = rate.text();
        }
        long sampleCount = 0;
        int countColumn = 0;
        if (f.size() > 3) {
            Field count = f.get(3);
            sampleCount = parseLong(file, line, count, "number of samples per signal");
            if (sampleCount < 0 || sampleCount > Integer.MAX_VALUE) {
                throw new DataFormatException(file, line, count.column(),
                        "expected a number of samples per signal in [0, " + Integer.MAX_VALUE + "], found '"
                                + count.text() + "'");
            }
            countColumn = count.column();
        }
        if (f.size() > 6) {
            throw new DataFormatException(file, line, f.get(6).column(),
                    "unexpected field '" + f.get(6).text() + "' after the base date");
        }
        String baseTime = f.size() > 4 ? f.get(4).text() : null;
        String baseDate = f.size() > 5 ? f.get(5).text() : null;
        return new RecordLine(line, name.text(), signalCount, nsig.column(), rateHz, rateColumn, rateText, sampleCount,
                countColumn, baseTime, baseDate);
    }

    private static WfdbSignalSpec parseSignalLine(Path file, int line, String text) throws DataFormatException {
        List<Field> f = WfdbTextFields.split(text);
        Field name = f.get(0);
        if (name.text().equals("-")) {
            throw new DataFormatException(file, line, name.column(),
                    "signals read from standard input ('-') are not supported; name a signal file");
        }
        String fileName = name.text().replace('\\', '/');
        if (fileName.startsWith("/") || fileName.matches("^[A-Za-z]:.*") || ("/" + fileName + "/").contains("/../")) {
            throw new DataFormatException(file, line, name.column(), "expected a signal file in the header's folder"
                    + " (or below it), found '" + name.text() + "'");
        }
        if (f.size() < 2) {
            throw new DataFormatException(file, line, 0,
                    "expected a storage format (e.g. 212) after the signal file name '" + name.text() + "'");
        }
        Field formatField = f.get(1);
        Matcher m = FORMAT.matcher(formatField.text());
        if (!m.matches()) {
            throw new DataFormatException(file, line, formatField.column(),
                    "expected a storage format like 212, 16 or 212+512, found '" + formatField.text() + "'");
        }
        int format = parseInt(file, line, formatField, m.group(1), "storage format");
        if (format != 212 && format != 16 && format != 80) {
            throw new DataFormatException(file, line, formatField.column(),
                    "signal format " + m.group(1) + " is not supported; supported formats: 212, 16, 80");
        }
        if (m.group(2) != null && parseInt(file, line, formatField, m.group(2), "samples per frame") != 1) {
            throw new DataFormatException(file, line, formatField.column() + m.start(2),
                    m.group(2) + " samples per frame are not supported; only one sample per signal per frame");
        }
        if (m.group(3) != null && parseInt(file, line, formatField, m.group(3), "skew") != 0) {
            throw new DataFormatException(file, line, formatField.column() + m.start(3),
                    "a skew of " + m.group(3) + " samples is not supported");
        }
        long byteOffset = m.group(4) == null ? 0 : parseLong(file, line, formatField, m.group(4), "byte offset");

        double gain = DEFAULT_GAIN;
        Integer baseline = null;
        String units = null;
        if (f.size() > 2) {
            Field gainField = f.get(2);
            Matcher g = GAIN.matcher(gainField.text());
            if (!g.matches()) {
                throw new DataFormatException(file, line, gainField.column(),
                        "expected an ADC gain like 200, 200(1024) or 200(1024)/mV, found '" + gainField.text() + "'");
            }
            gain = parseDouble(file, line, gainField, g.group(1), "ADC gain");
            if (!Double.isFinite(gain)) {
                throw new DataFormatException(file, line, gainField.column(),
                        "expected a finite ADC gain, found '" + g.group(1) + "'");
            }
            if (gain == 0) {
                gain = DEFAULT_GAIN;
            }
            if (g.group(2) != null) {
                baseline = parseInt(file, line, gainField, g.group(2), "baseline");
            }
            units = g.group(3);
        }
        if (f.size() > 3) {
            int resolution = parseInt(file, line, f.get(3), "ADC resolution in bits");
            if (resolution < 0 || resolution > 32) {
                throw new DataFormatException(file, line, f.get(3).column(),
                        "expected an ADC resolution of 0 to 32 bits, found '" + f.get(3).text() + "'");
            }
        }
        int adcZero = f.size() > 4 ? parseInt(file, line, f.get(4), "ADC zero") : 0;
        if (f.size() > 5) {
            parseInt(file, line, f.get(5), "initial value");
        }
        boolean hasChecksum = f.size() > 6;
        int checksum = hasChecksum ? parseInt(file, line, f.get(6), "checksum") : 0;
        int checksumColumn = hasChecksum ? f.get(6).column() : 0;
        if (f.size() > 7) {
            int blockSize = parseInt(file, line, f.get(7), "block size");
            if (blockSize < 0) {
                throw new DataFormatException(file, line, f.get(7).column(),
                        "expected a block size >= 0, found '" + f.get(7).text() + "'");
            }
        }
        String description = f.size() > 8 ? text.substring(f.get(8).column() - 1).strip() : "";
        return new WfdbSignalSpec(line, name.text(), name.column(), format, formatField.column(), byteOffset,
                gain, baseline == null ? adcZero : baseline, units, hasChecksum, checksum, checksumColumn,
                description);
    }

    /** Signals sharing a file must be consecutive and stored alike (they are interleaved frame by frame). */
    private static void checkGroup(Path file, List<WfdbSignalSpec> previous, WfdbSignalSpec spec)
            throws DataFormatException {
        if (previous.isEmpty()) {
            return;
        }
        WfdbSignalSpec last = previous.get(previous.size() - 1);
        if (last.fileName().equals(spec.fileName())) {
            if (last.format() != spec.format() || last.byteOffset() != spec.byteOffset()) {
                throw new DataFormatException(file, spec.line(), spec.formatColumn(),
                        "signals sharing file '" + spec.fileName() + "' must have the same format and byte offset; line "
                                + last.line() + " has format " + last.format() + "+" + last.byteOffset()
                                + ", this line " + spec.format() + "+" + spec.byteOffset());
            }
            return;
        }
        for (WfdbSignalSpec s : previous) {
            if (s.fileName().equals(spec.fileName())) {
                throw new DataFormatException(file, spec.line(), spec.fileColumn(),
                        "file '" + spec.fileName() + "' was already used by the signal on line " + s.line()
                                + "; signals stored in one file must be described on consecutive lines");
            }
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int parseInt(Path file, int line, Field field, String what) throws DataFormatException {
        return parseInt(file, line, field, field.text(), what);
    }

    private static int parseInt(Path file, int line, Field field, String text, String what)
            throws DataFormatException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, field.column(),
                    "expected an integer " + what + ", found '" + field.text() + "'");
        }
    }

    private static long parseLong(Path file, int line, Field field, String what) throws DataFormatException {
        return parseLong(file, line, field, field.text(), what);
    }

    private static long parseLong(Path file, int line, Field field, String text, String what)
            throws DataFormatException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, field.column(),
                    "expected an integer " + what + ", found '" + field.text() + "'");
        }
    }

    private static double parseDouble(Path file, int line, Field field, String text, String what)
            throws DataFormatException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, field.column(),
                    "expected a " + what + ", found '" + field.text() + "'");
        }
    }
}
