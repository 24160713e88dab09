package org.soleus.io.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * Each rule, with what nearly matches it, is a class of its own ({@link GaitmapRule},
 * {@link SoleusCsvRule}, {@link MoticonRule}, {@link WfdbRule}, {@link GaitpdbRule}).
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
        throw unknown(path, head);
    }

    /**
     * The error for a file that no rule matches, in this order: a dataset's companion file
     * ({@link CompanionFiles}), UTF-16 text, lines that end in a carriage return alone, a line
     * too long, a near miss of a rule ({@link #nearMiss}), a compressed file, a binary file, and
     * else the list of formats.
     *
     * @throws DataFormatException the UTF-16 text's ({@link #requireNotUtf16})
     * @throws IOException         when the rest of the file, read to find a line too long, cannot be read
     */
    private static DataFormatException unknown(Path path, FileHead head) throws IOException {
        Optional<CompanionFiles.Companion> companion = CompanionFiles.identify(path, head);
        if (companion.isPresent()) {
            return new DataFormatException(path, 0, 0, companion.get().instead());
        }
        requireNotUtf16(path, head);
        DataFormatException carriageReturns = head.isBinary() ? null : head.carriageReturnLineEnds();
        if (carriageReturns != null) {
            return carriageReturns;
        }
        long tooLong = head.isBinary() ? 0 : head.tooLongLine();
        if (tooLong > 0) {
            return TextSource.lineTooLong(path, tooLong);
        }
        DataFormatException nearMiss = head.hasZeroByte() ? null : nearMiss(path, head.lines());
        if (nearMiss != null) {
            return nearMiss;
        }
        if (head.compression().isPresent()) {
            return new DataFormatException(path, 0, 0, "not a known recording format: the file is compressed ("
                    + head.compression().get() + "); unpack it and give the recording in it");
        }
        return head.isBinary() ? new DataFormatException(path, 0, 0, BINARY) : new DataFormatException(path, 1, 0, UNKNOWN);
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
     * null, asked of the rules in this order: a Moticon export ({@link MoticonRule#nearMiss}),
     * gaitpdb rows after empty lines, a column too few or too many or with other separators
     * ({@link GaitpdbRule#layoutNearMiss}), a gaitmap-style IMU CSV's header rows
     * ({@link GaitmapRule#nearMiss}), a gaitpdb row written with decimal commas
     * ({@link GaitpdbRule#decimalCommaNearMiss}), a header row of channel names that one cell
     * spoils ({@link SoleusCsvRule#headerRowNearMiss}).
     */
    private static DataFormatException nearMiss(Path path, List<String> lines) {
        int firstData = firstData(lines);
        DataFormatException moticon = MoticonRule.nearMiss(path, lines, firstData);
        if (moticon != null || firstData >= lines.size()) {
            return moticon;
        }
        String line = new String(lines.get(firstData).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        DataFormatException nearMiss = GaitpdbRule.layoutNearMiss(path, lines, firstData, line);
        if (nearMiss == null) {
            nearMiss = GaitmapRule.nearMiss(path, lines);
        }
        if (nearMiss == null && firstData == 0) {
            nearMiss = GaitpdbRule.decimalCommaNearMiss(path, line);
        }
        return nearMiss != null ? nearMiss : SoleusCsvRule.headerRowNearMiss(path, firstData, line);
    }

    /** The format whose rule the head's complete lines match, or null when none does. */
    static RecordingFormat byContent(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        if (GaitmapRule.matches(lines)) {
            return RecordingFormat.GAITMAP;
        }
        if (SoleusCsvRule.matches(lines, firstData(lines))) {
            return RecordingFormat.SOLEUS_CSV;
        }
        if (MoticonRule.matches(lines)) {
            return RecordingFormat.MOTICON;
        }
        if (WfdbRule.matches(lines)) {
            return RecordingFormat.WFDB;
        }
        if (GaitpdbRule.isRow(lines.get(0))) {
            return RecordingFormat.GAITPDB;
        }
        return null;
    }

    /** The index of the head's first line that is no {@code #} line (the size when all are). */
    private static int firstData(List<String> lines) {
        int firstData = 0;
        while (firstData < lines.size() && lines.get(firstData).startsWith("#")) {
            firstData++;
        }
        return firstData;
    }

    /** The formats' {@code --format} names, comma separated. */
    private static String formatIds() {
        StringBuilder ids = new StringBuilder();
        for (RecordingFormat f : RecordingFormat.values()) {
            ids.append(ids.length() == 0 ? "" : ", ").append(f.id());
        }
        return ids.toString();
    }
}
