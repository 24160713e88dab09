package org.soleus.io.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.format.text.DecimalComma;
import org.soleus.io.format.text.DecimalParser;
import org.soleus.io.format.text.TextSource;

/**
 * Recognises a recording's format from its first 64 KiB; the file name counts only when no
 * rule matches (see the end). Rules, in order:
 * <ol>
 *   <li>{@link RecordingFormat#GAITMAP}: line 1 starts with {@code sensor,} and line 2 with
 *       {@code axis,}.</li>
 *   <li>{@link RecordingFormat#SOLEUS_CSV}: a {@code # format: soleus-csv} line, or, after any
 *       {@code #} lines, a comma-separated header row of channel names (optionally
 *       {@code time_s} first); blank lines before that row are left out here, for the reader
 *       to name.</li>
 *   <li>{@link RecordingFormat#MOTICON}: {@code #} lines (or such lines a spreadsheet put in
 *       quotes, {@code "# ..."}) of which the last names tab-separated
 *       columns, one of them {@code time} (or {@code time[s]}, {@code time[ms]}), others with units
 *       in brackets.</li>
 *   <li>{@link RecordingFormat#WFDB}: a WFDB header ({@code .hea}): the first line that is not
 *       a {@code #} comment is {@code <record> <signals> <rate> [<samples> ...]} with whole
 *       numbers of signals and samples, and the next {@code <signals>} lines each name a signal
 *       file stored in a format the WFDB reader decodes: 212, 16 or 80 ({@code <file> 212 ...}).</li>
 *   <li>{@link RecordingFormat#GAITPDB}: the first line is 19 tab-separated numbers (empty
 *       trailing cells allowed).</li>
 * </ol>
 * A file that matches none of them but is named {@code *.hea} is taken for a damaged WFDB
 * header, so that the WFDB reader says what is wrong with it (an unsupported signal format, a
 * rate that is not a number) instead of a list of formats; a dataset's companion file
 * ({@link CompanionFiles}) is named as such, with what to give instead; a file whose lines end
 * in a carriage return alone (old Mac OS text) is told so at its first line end; a line longer than the
 * readers take ({@link TextSource#MAX_LINE_BYTES}, e.g. the header row of a file with 20 000
 * columns) is named with its number; a file that nearly matches a rule, such as a Moticon export
 * or a header row of channel names saved with other separators, or gaitpdb rows with decimal
 * commas or with commas or semicolons for tabs, gets the error of the line that misses it. A file of nothing but blank lines is empty.
 * Stateless and thread-safe.
 */
public final class FormatDetector {
    /** The error on a file that is none of the known formats: one short line (the --format help describes them). */
    private static final String UNKNOWN = "not a known recording format (known: " + formatIds()
            + "); choose one with --format <name>";
    /**
     * The error on a binary file (control characters in its first bytes: an image, an archive), which
     * no {@code --format} reads: every format is text, a WFDB record's signal files read through
     * its header.
     */
    private static final String BINARY = "not a known recording format: the file is binary, and every format read is"
            + " text (a WFDB record's signal files through its .hea header)";

    private FormatDetector() {
    }

    /**
     * The format of the file's content.
     *
     * @throws DataFormatException when the file is empty or no rule matches; the message, one
     *                             short line, names the known formats and how to choose one
     *                             explicitly, says which dataset's companion file it is,
     *                             which line is too long, or what keeps a line from matching
     *                             a rule it nearly matches
     * @throws IOException         when the file cannot be read or is not a regular file
     */
    public static RecordingFormat detect(Path path) throws IOException {
        return detect(path, FileHead.read(path));
    }

    static RecordingFormat detect(Path path, FileHead head) throws IOException {
        if (head.isEmpty()) {
            throw new DataFormatException(path, 0, 0, "the file is empty");
        }
        RecordingFormat format = byContent(head.lines());
        if (format != null) {
            return format;
        }
        if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hea")) {
            // a WFDB header the rules above do not recognise: its reader says what is wrong
            return RecordingFormat.WFDB;
        }
        Optional<CompanionFiles.Companion> companion = CompanionFiles.identify(path, head);
        if (companion.isPresent()) {
            throw new DataFormatException(path, 0, 0, companion.get().instead());
        }
        requireNotUtf16(path, head);
        DataFormatException carriageReturns = head.isBinary() ? null : head.carriageReturnLineEnds();
        if (carriageReturns != null) {
            throw carriageReturns;
        }
        long tooLong = head.isBinary() ? 0 : head.tooLongLine();
        if (tooLong > 0) {
            throw TextSource.lineTooLong(path, tooLong);
        }
        DataFormatException nearMiss = head.hasZeroByte() ? null : nearMiss(path, head.lines());
        if (nearMiss != null) {
            throw nearMiss;
        }
        if (head.compression().isPresent()) {
            throw new DataFormatException(path, 0, 0, "not a known recording format: the file is compressed ("
                    + head.compression().get() + "); unpack it and give the recording in it");
        }
        throw head.isBinary() ? new DataFormatException(path, 0, 0, BINARY) : new DataFormatException(path, 1, 0, UNKNOWN);
    }

    /**
     * Refuses UTF-16 text, which no reader takes, whatever format it is read as.
     *
     * @throws DataFormatException saying to save the file as UTF-8 or plain text
     */
    static void requireNotUtf16(Path path, FileHead head) throws DataFormatException {
        if (head.isUtf16()) {
            throw new DataFormatException(path, 1, 0, "the file is UTF-16 text (what spreadsheets save as 'Unicode"
                    + " text'); save it as UTF-8 or plain text (CSV or TXT)");
        }
    }

    /**
     * The error for a file that nearly matches a rule, located at the line that misses it, or
     * null: a Moticon export whose columns are separated by commas or semicolons
     * ({@link MoticonReader#otherSeparator}; a spreadsheet saves it so, putting {@code #} lines
     * that hold its separator in quotes) or whose time column was deleted, or a header row of channel names that one cell spoils
     * (an index column, {@code time} for {@code time_s}, semicolons or tabs for commas), told
     * as the toolkit's CSV reader tells it ({@link ChannelNameProblems#notAChannelName}), or a
     * gaitpdb row written with decimal commas ({@link DecimalComma}).
     */
    private static DataFormatException nearMiss(Path path, List<String> lines) {
        for (int i = 0; i < lines.size() && (lines.get(i).startsWith("#") || lines.get(i).startsWith("\"#")); i++) {
            String problem = MoticonReader.otherSeparator(lines.get(i));
            if (problem != null) {
                return new DataFormatException(path, i + 1, 0, problem);
            }
        }
        int firstData = 0;
        while (firstData < lines.size() && lines.get(firstData).startsWith("#")) {
            firstData++;
        }
        if (firstData > 0 && isMoticonColumnLineWithoutTime(lines.get(firstData - 1))) {
            return new DataFormatException(path, firstData, 1, "a Moticon column line (names with units in brackets)"
                    + " without the 'time' column that Moticon exports start with: expected a 'time' column");
        }
        if (firstData >= lines.size()) {
            return null;
        }
        DataFormatException gaitpdb = gaitpdbNearMiss(path, lines, firstData);
        if (gaitpdb != null) {
            return gaitpdb;
        }
        String line = new String(lines.get(firstData).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        if (firstData == 0 && !line.contains("\t")) {
            for (char separator : new char[] {',', ';', ' '}) {
                String tabbed = separator == ';' ? line.replace(',', '.').replace(';', '\t')
                        : separator == ' ' ? line.strip().replaceAll(" +", "\t") : line.replace(',', '\t');
                if (isGaitpdbRow(tabbed)) {
                    return new DataFormatException(path, 1, 0, "the " + GaitpdbReader.COLUMNS + " numbers of a gaitpdb row,"
                            + " but separated by " + (separator == ',' ? "commas" : separator == ';' ? "semicolons"
                            : "spaces") + "; gaitpdb separates them with tabs: save the file as tab-separated text");
                }
            }
        }
        DataFormatException gaitmap = gaitmapNearMiss(path, lines);
        if (gaitmap != null) {
            return gaitmap;
        }
        if (firstData == 0 && isGaitpdbRow(line.replace(',', '.'))) {
            List<String> cells = ReaderSupport.tabCells(line);
            for (int c = 0; c < cells.size(); c++) {
                if (DecimalComma.holds(cells.get(c))) {
                    return new DataFormatException(path, 1, c + 1, "a gaitpdb row (19 tab-separated numbers) but with '"
                            + cells.get(c) + "': " + DecimalComma.HINT);
                }
            }
        }
        List<String> names = SoleusCsvHeaderRow.cells(line);
        boolean named = false;
        for (int c = 0; c < names.size() && !named; c++) {
            String name = names.get(c);
            named = ChannelName.isValid(name) || isLeadingTime(names, c)
                    || ChannelNameProblems.holdsNamesSeparatedBy(name, '\t')
                    || ChannelNameProblems.holdsNamesSeparatedBy(name, ';');
        }
        int bad = firstNonChannelColumn(names);
        return named && bad >= 0
                ? new DataFormatException(path, firstData + 1, bad + 1, ChannelNameProblems.notAChannelName(names.get(bad), bad))
                : null;
    }

    /**
     * The error for a file that a gaitpdb file would be but for its start or its width, or
     * null: empty lines before rows of 19 tab-separated numbers (gaitpdb files have none, and
     * empty lines are allowed only at a file's end), or a first line of tab-separated numbers
     * that starts at time 0 with a column too few or too many (a column deleted or added in a
     * spreadsheet).
     */
    private static DataFormatException gaitpdbNearMiss(Path path, List<String> lines, int firstData) {
        int firstText = firstData;
        while (firstText < lines.size() && lines.get(firstText).isBlank()) {
            firstText++;
        }
        if (firstText > firstData && firstText < lines.size() && isGaitpdbRow(lines.get(firstText))) {
            return new DataFormatException(path, firstData + 1, 0, "an empty line before the rows of a gaitpdb file"
                    + " (" + GaitpdbReader.COLUMNS + " tab-separated numbers from line " + (firstText + 1) + " on),"
                    + " which starts with its first row: delete the empty lines at its start");
        }
        if (firstData > 0) {
            return null;
        }
        List<String> cells = ReaderSupport.tabCells(lines.get(0));
        int width = cells.size();
        if (Math.abs(width - GaitpdbReader.COLUMNS) != 1 || !cells.stream().allMatch(FormatDetector::isNumber)
                || Double.parseDouble(cells.get(0)) != 0) {
            return null;
        }
        return new DataFormatException(path, 1, 0, width + " tab-separated numbers from time 0, where a gaitpdb row"
                + " has " + GaitpdbReader.COLUMNS + " (the time, 8 sensors under each foot and each foot's total): one"
                + " column " + (width < GaitpdbReader.COLUMNS ? "is missing" : "too many"));
    }

    /**
     * The error for a file whose first two lines would be a gaitmap-style IMU CSV's header rows
     * ({@code sensor,…} and {@code axis,…}) but for their separator (tabs or semicolons), quotes
     * around the names, or a leading index column (pandas' {@code to_csv} without
     * {@code index=False}), or null.
     */
    static DataFormatException gaitmapNearMiss(Path path, List<String> lines) {
        if (lines.size() < 2) {
            return null;
        }
        String sensor = lines.get(0).replace("\"", "");
        String axis = lines.get(1).replace("\"", "");
        for (char separator : new char[] {'\t', ';'}) {
            if (sensor.startsWith("sensor" + separator) && axis.startsWith("axis" + separator)) {
                return new DataFormatException(path, 1, 7, "the header rows of a gaitmap-style IMU CSV (sensor, axis),"
                        + " but separated by " + (separator == ';' ? "semicolons" : "tabs") + "; expected commas:"
                        + " save the file as comma-separated values" + (separator == ';' ? ", with decimal points" : ""));
            }
        }
        int comma = sensor.indexOf(',');
        if (comma >= 0 && sensor.startsWith("sensor,", comma + 1) && axis.startsWith("axis,", axis.indexOf(',') + 1)) {
            return new DataFormatException(path, 1, 1, "a gaitmap-style IMU CSV with a column before its 'sensor'"
                    + " column, like the row index that pandas' to_csv writes by default: save without it"
                    + " (index=False) or delete the column");
        }
        if (!sensor.equals(lines.get(0)) && sensor.startsWith("sensor,") && axis.startsWith("axis,")) {
            return new DataFormatException(path, 1, 1, "the header rows of a gaitmap-style IMU CSV, but with names in"
                    + " quotes; expected them unquoted: save the file without quoting the names");
        }
        return null;
    }

    /** The format whose rule the head's complete lines match, or null when none does. */
    static RecordingFormat byContent(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        if (isGaitmap(lines)) {
            return RecordingFormat.GAITMAP;
        }
        int firstData = 0;
        while (firstData < lines.size() && lines.get(firstData).startsWith("#")) {
            firstData++;
        }
        if (isSoleusCsv(lines, firstData) || blankLinesInSoleusCsvHead(lines)) {
            return RecordingFormat.SOLEUS_CSV;
        }
        int firstMoticonRow = firstData;
        while (firstMoticonRow < lines.size() && (lines.get(firstMoticonRow).startsWith("#")
                || lines.get(firstMoticonRow).startsWith("\"#"))) {
            firstMoticonRow++;
        }
        if (firstMoticonRow > 0 && isMoticonColumnLine(lines.get(firstMoticonRow - 1))) {
            return RecordingFormat.MOTICON;
        }
        if (isWfdbHeader(lines)) {
            return RecordingFormat.WFDB;
        }
        if (isGaitpdbRow(lines.get(0))) {
            return RecordingFormat.GAITPDB;
        }
        return null;
    }

    /** The formats' {@code --format} names, comma separated. */
    private static String formatIds() {
        StringBuilder ids = new StringBuilder();
        for (RecordingFormat f : RecordingFormat.values()) {
            ids.append(ids.length() == 0 ? "" : ", ").append(f.id());
        }
        return ids.toString();
    }

    private static boolean isGaitmap(List<String> lines) {
        return lines.size() >= 2 && lines.get(0).startsWith("sensor,") && lines.get(1).startsWith("axis,");
    }

    /**
     * What {@link #isSoleusCsv} takes for the format once the blank lines before its header row
     * (before, among or after its {@code #} lines) are left out: the reader then says where a
     * blank line is, rather than the file being of no known format.
     */
    private static boolean blankLinesInSoleusCsvHead(List<String> lines) {
        List<String> rest = new ArrayList<>();
        boolean blank = false;
        int firstData = -1;
        for (String line : lines) {
            if (firstData < 0 && line.isBlank()) {
                blank = true;
            } else {
                if (firstData < 0 && !line.startsWith("#")) {
                    firstData = rest.size();
                }
                rest.add(line);
            }
        }
        return blank && firstData >= 0 && isSoleusCsv(rest, firstData);
    }

    private static boolean isSoleusCsv(List<String> lines, int firstData) {
        for (int i = 0; i < firstData; i++) {
            String body = lines.get(i).substring(1).strip();
            if (body.startsWith(SoleusCsv.KEY_FORMAT + ":")
                    && body.substring(SoleusCsv.KEY_FORMAT.length() + 1).strip().startsWith(SoleusCsv.FORMAT_NAME)) {
                return true;
            }
        }
        if (firstData >= lines.size()) {
            return false;
        }
        return firstNonChannelColumn(SoleusCsvHeaderRow.cells(lines.get(firstData))) < 0;
    }

    /** The 0-based index of the first header cell that is neither a channel name nor a leading time_s, or -1. */
    private static int firstNonChannelColumn(List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            if (!(ChannelName.isValid(names.get(c)) || isLeadingTime(names, c))) {
                return c;
            }
        }
        return -1;
    }

    /** Whether header cell {@code c} is time_s in the first column, followed by more. */
    private static boolean isLeadingTime(List<String> names, int c) {
        return c == 0 && names.get(c).equals(SoleusCsv.TIME_COLUMN) && names.size() > 1;
    }

    /**
     * Whether a {@code #} line names Moticon columns: tab-separated, one of them the time column as
     * the reader takes it ({@link MoticonReader#isTimeColumn}), and another with a unit in brackets.
     */
    private static boolean isMoticonColumnLine(String line) {
        String[] columns = line.substring(1).strip().split("\t");
        boolean time = false;
        boolean unit = false;
        for (String column : columns) {
            boolean isTime = MoticonReader.isTimeColumn(column.strip());
            time |= isTime;
            unit |= !isTime && column.indexOf('[') > 0;
        }
        return time && unit;
    }

    /** Whether a {@code #} line names tab-separated columns, at least two with a unit in brackets, but no time column. */
    private static boolean isMoticonColumnLineWithoutTime(String line) {
        String[] columns = line.substring(1).strip().split("\t");
        int units = 0;
        for (String column : columns) {
            if (MoticonReader.isTimeColumn(column.strip())) {
                return false;
            }
            units += column.indexOf('[') > 0 && column.strip().endsWith("]") ? 1 : 0;
        }
        return units >= 2;
    }

    private static boolean isWfdbHeader(List<String> lines) {
        int i = 0;
        while (i < lines.size() && (lines.get(i).startsWith("#") || lines.get(i).isBlank())) {
            i++;
        }
        if (i >= lines.size()) {
            return false;
        }
        String[] record = words(lines.get(i));
        if (record.length < 3 || !ReaderSupport.isDigits(record[1], 12) || !isRate(record[2])
                || (record.length >= 4 && !ReaderSupport.isDigits(record[3], 12))) {
            return false;
        }
        long signals = Long.parseLong(record[1]);
        if (signals < 1 || signals > 1000) {
            return false;
        }
        int found = 0;
        for (int j = i + 1; j < lines.size() && found < signals; j++) {
            String line = lines.get(j);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] signal = words(line);
            if (signal.length < 2 || !isReadableWfdbFormat(signal[1])) {
                return false;
            }
            found++;
        }
        return found == signals;
    }

    /** {@code 212}, {@code 16} or {@code 80}, optionally followed by {@code x<n>}, {@code :<skew>} or {@code +<offset>}. */
    private static boolean isReadableWfdbFormat(String format) {
        for (String f : new String[] {"212", "16", "80"}) {
            if (format.equals(f) || (format.startsWith(f) && format.length() > f.length()
                    && "x:+".indexOf(format.charAt(f.length())) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** {@code <rate>}, optionally {@code /<counter rate>} and {@code (<base counter>)}. */
    private static boolean isRate(String word) {
        int end = word.length();
        int slash = word.indexOf('/');
        if (slash > 0) {
            end = slash;
        }
        return isNumber(word.substring(0, end));
    }

    /** The blank-separated words of a line. */
    private static String[] words(String line) {
        List<String> out = new ArrayList<>();
        int from = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean blank = i == line.length() || Character.isWhitespace(line.charAt(i));
            if (blank && from >= 0) {
                out.add(line.substring(from, i));
                from = -1;
            } else if (!blank && from < 0) {
                from = i;
            }
        }
        return out.toArray(new String[0]);
    }

    private static boolean isNumber(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return b.length > 0 && new DecimalParser().scan(b, 0, b.length) == b.length;
    }

    private static boolean isGaitpdbRow(String line) {
        List<String> cells = ReaderSupport.tabCells(line);
        if (cells.size() < GaitpdbReader.COLUMNS) {
            return false;
        }
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (c < GaitpdbReader.COLUMNS ? !isNumber(cell) : !cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
