package org.soleus.io.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.ForwardingSink;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.format.text.CommentLine;

/**
 * Passes the stream of a toolkit CSV on, putting the file's {@code # warning:} lines (those of
 * the metadata, then those among and after the rows) before the reader's warnings at the end,
 * and a warning for each comment after the header row that sets a key the reader reads (one of
 * the format's or a foot dimension, {@link SoleusCsvMetadata#isReadKey}), which is not read there.
 */
final class CommentWarnings extends ForwardingSink {
    private final Path path;
    private final List<String> headerWarnings;
    private final List<CommentLine> comments;

    /**
     * @param headerWarnings the warnings of the metadata lines, located
     * @param comments       the {@code #} lines among and after the rows, filled while the rows are read
     */
    CommentWarnings(SampleSink sink, Path path, List<String> headerWarnings, List<CommentLine> comments) {
        super(sink);
        this.path = path;
        this.headerWarnings = headerWarnings;
        this.comments = comments;
    }

    @Override
    public void end(List<String> warnings) {
        List<String> all = new ArrayList<>(headerWarnings);
        for (CommentLine comment : comments) {
            String body = comment.text().substring(1).strip();
            if (body.startsWith(SoleusCsv.WARNING_PREFIX)) {
                all.add(located(path, comment.line(), body.substring(SoleusCsv.WARNING_PREFIX.length())));
            } else if (definesKey(body)) {
                all.add(path + ":" + comment.line() + ": '" + body + "' comes after the header row, where metadata"
                        + " lines are comments: not read (move it above the header row)");
            }
        }
        all.addAll(warnings);
        super.end(all);
    }

    /** A {@code # warning:} line's text as a warning located at its line. */
    static String located(Path path, long line, String rawText) {
        return DataFormatException.location(path, line, 0) + ": " + SoleusCsv.unescape(rawText.strip());
    }

    /** Whether a comment's body sets a key the reader reads ({@code body_mass_kg: 72}), as a metadata line would. */
    private static boolean definesKey(String body) {
        int colon = body.indexOf(':');
        return colon > 0 && SoleusCsvMetadata.isReadKey(body.substring(0, colon).strip());
    }
}
