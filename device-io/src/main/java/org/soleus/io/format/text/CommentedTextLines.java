package org.soleus.io.format.text;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.soleus.io.format.DataFormatException;

/**
 * The lines of a small text table a user writes or a spreadsheet saves (calibration readings, a
 * table of subjects): UTF-8, or UTF-16 where it starts with that byte order mark (a
 * spreadsheet's "Unicode text"); a UTF-8 byte order mark at the start left out; lines that are
 * blank or start, after blanks, with {@code #} skipped. Stateless.
 */
public final class CommentedTextLines {
    /** The byte order mark as decoded, which spreadsheet programs put at the start of a CSV file. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** What a message about text that is not UTF-8 says to do. */
    private static final String NOT_UTF8 = "not UTF-8 text (save it as CSV UTF-8): ";
    /** The same for a file whose byte order mark says UTF-16. */
    private static final String NOT_UTF16 = "not UTF-16 text, as its byte order mark says (save it as CSV UTF-8): ";

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
     * @param expected what the file should hold, for the error when it is not text
     *                 ({@code expected a header row ...})
     * @throws DataFormatException from the handler, or naming the first line that is not UTF-8 text
     */
    public static void read(Path file, String expected, Handler handler) throws IOException {
        long lineNo = 0;
        Charset charset = StandardCharsets.UTF_8;
        try (InputStream bytes = new BufferedInputStream(Files.newInputStream(file))) {
            charset = charsetOf(bytes);
            BufferedReader in = new BufferedReader(new InputStreamReader(bytes, charset.newDecoder()));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (lineNo == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1);
                }
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    handler.line(lineNo, line);
                }
            }
        } catch (CharacterCodingException e) {
            if (charset == StandardCharsets.UTF_8) {
                throw new DataFormatException(file, firstLineNotUtf8(file), 0, NOT_UTF8 + expected);
            }
            throw new DataFormatException(file, 0, 0, NOT_UTF16 + expected);
        }
    }

    /** UTF-16 where {@code bytes} start with its byte order mark (either order), else UTF-8; reads nothing. */
    private static Charset charsetOf(InputStream bytes) throws IOException {
        bytes.mark(2);
        int first = bytes.read();
        int second = bytes.read();
        bytes.reset();
        boolean utf16 = first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF;
        return utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8;
    }

    /**
     * The first line of {@code file} that is not UTF-8 text: the reader decodes ahead of the
     * lines it gives, so the line it failed on is found anew, line by line. A UTF-8 character
     * never holds the byte of a line end.
     */
    private static long firstLineNotUtf8(Path file) throws IOException {
        long lineNo = 1;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    try {
                        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line.toByteArray()));
                    } catch (CharacterCodingException e) {
                        return lineNo;
                    }
                    if (b < 0) {
                        return lineNo;
                    }
                    line.reset();
                    lineNo++;
                } else {
                    line.write(b);
                }
            }
        }
    }
}
