package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.format.text.CommentLine;
import org.soleus.io.format.text.DelimitedRowParser;
import org.soleus.io.format.text.TextSource;

/**
 * Reads the toolkit's own CSV recording format ({@code docs/recording-format.md}): {@code #}
 * metadata lines ({@code # key: value}), a header row of channel names (in double quotes or
 * not) with an optional {@code time_s} first column, one comma-separated row per sample, empty
 * cell, {@code NaN} or {@code NA} = missing. A metadata line that is not valid UTF-8 is read
 * with replacement characters and a warning names it.
 * Force in kN, kgf or lbf is converted to newtons while reading ({@link ForceUnits}); a
 * spreadsheet's trailing commas are ignored (the rows may end in as many empty cells as the
 * header row or the first row, whichever is more, and no more). {@code # warning: ...} lines become the
 * recording's warnings, located like the reader's own ({@code walk.csv:5352: the recording
 * ended early}), before those. Moticon insole cells ({@code <side>.insole.cell01_ncm2} …) give the
 * forces the Moticon reader and a live Moticon stream derive from them
 * ({@link MoticonCellForce#withHeelForce}), so that a file holding them is analysed as the stream it
 * was recorded from would be: an insole without its force gets one from its cells, and the heel
 * force is derived where it is missing. Other channels, a centre of pressure among them, are read
 * as written. Stateless and thread-safe.
 */
public final class SoleusCsvReader implements RecordingReader {
    /** What the error says when neither the file nor the user gives the rate. */
    private static final String NO_RATE_ADVICE =
            "add a '# sample_rate_hz: <Hz>' line or a time_s column, or pass the rate with --rate <Hz>";

    @Override
    public RecordingFormat format() {
        return RecordingFormat.SOLEUS_CSV;
    }

    /**
     * Reads the metadata lines ({@link SoleusCsvMetadata}), the header row
     * ({@link SoleusCsvHeaderRow}) and its channels ({@link SoleusCsvColumns}), then streams the
     * rows into {@code sink} ({@link #streamRows}).
     */
    @Override
    public void read(Path path, ReadOptions options, SampleSink sink) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (TextSource text = TextSource.open(path)) {
            if (text.atEnd()) {
                throw new DataFormatException(path, 0, 0, "the file is empty");
            }
            SoleusCsvMetadata fileMetadata = new SoleusCsvMetadata(path, options, false);
            long cutInMetadata = readMetadataLines(text, path, fileMetadata, warnings);
            SoleusCsvHeaderRow row = SoleusCsvHeaderRow.read(text, path, cutInMetadata);
            SoleusCsvColumns columns = SoleusCsvColumns.of(path, row, warnings);
            fileMetadata.checkAgainstChannels(columns.channels());
            RecordingMetadata metadata = fileMetadata.metadata(row.padded(), warnings);
            streamRows(text, path, options, fileMetadata, columns, metadata, sink, warnings);
        }
    }

    /**
     * Reads the {@code #} lines at the start of {@code text} into {@code fileMetadata}, with one
     * warning in {@code warnings} when some are not valid UTF-8.
     *
     * @return the line of the last metadata line when it ends the file without a line end, else 0
     */
    private static long readMetadataLines(TextSource text, Path path, SoleusCsvMetadata fileMetadata,
                                          List<String> warnings) throws IOException {
        long firstMalformed = 0;
        int malformed = 0;
        long cutInMetadata = 0;
        while (text.peek() == '#') {
            long line = text.lineNumber();
            cutInMetadata = text.atUnterminatedLastLine() ? line : 0;
            fileMetadata.line(text.readLine(), line);
            if (text.lastLineMalformed() && malformed++ == 0) {
                firstMalformed = line;
            }
        }
        if (malformed > 0) {
            warnings.add(path + ":" + firstMalformed + ": the line is not valid UTF-8 and was read with replacement"
                    + " characters" + (malformed > 1 ? " (and " + (malformed - 1) + " more metadata lines)" : "")
                    + "; save the file as UTF-8");
        }
        return cutInMetadata;
    }

    /**
     * Streams the data rows into {@code sink}, behind the reader's stages
     * ({@link SoleusCsvColumns#stages}) and, at the end, the file's own warnings
     * ({@link CommentWarnings}).
     */
    private static void streamRows(TextSource text, Path path, ReadOptions options, SoleusCsvMetadata fileMetadata,
                                   SoleusCsvColumns columns, RecordingMetadata metadata, SampleSink sink,
                                   List<String> warnings) throws IOException {
        List<CommentLine> comments = new ArrayList<>();
        DelimitedRowParser rows = columns.rowParser(text, comments);
        SampleSink out = RecordingAssembly.behindStages(sink, columns.stages(),
                MoticonCellForce.passesUnchanged(columns.channels()),
                whole -> new CommentWarnings(whole, path, fileMetadata.warnings(), comments));
        new RowStreamer(path, rows, columns.channels().size(), columns.hasTime())
                .stream(path.toString(), columns.channels(), metadata, fileMetadata.statedRate(), fileMetadata.startS(),
                        options, NO_RATE_ADVICE, out, warnings);
    }
}
