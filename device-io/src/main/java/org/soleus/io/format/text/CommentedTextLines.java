package org.soleus.io.format.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.soleus.io.format.DataFormatException;

/**
 * The lines of a small text table a user writes or a spreadsheet saves (calibration readings, a
 * table of body masses): UTF-8, a byte order mark at the start left out, lines starting with
 * {@code #} and blank lines skipped. Stateless.
 */
public final class CommentedTextLines {
    /** The UTF-8 byte order mark as decoded, which spreadsheet programs put at the start of a CSV file. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** Takes one line that is neither blank nor a comment. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param lineNo the 1-based line number
         * @param line   the line without its line end
         */
        void line(long lineNo, String line) throws DataFormatException;
    }

    private CommentedTextLines() {
    }

    /**
     * Gives {@code handler} every line of {@code file} that is neither blank nor a comment, in
     * order.
     *
     * @param expected what the file should hold, for the error when it is not UTF-8 text
     *                 ({@code expected a header row ...})
     * @throws DataFormatException from the handler, or naming the line that is not UTF-8 text
     */
    public static void read(Path file, String expected, Handler handler) throws IOException {
        long lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (lineNo == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1);
                }
                if (!line.isBlank() && !line.startsWith("#")) {
                    handler.line(lineNo, line);
                }
            }
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, lineNo + 1, 0, "not UTF-8 text: " + expected);
        }
    }
}
