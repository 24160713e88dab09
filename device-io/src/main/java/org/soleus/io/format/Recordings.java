package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RowTransform;

/**
 * Reads recordings of any known format: the one entry point of the command line. The format is recognised from the content ({@link FormatDetector}) unless the options
 * name it; the reader comes from {@link RecordingReaders}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Recordings {
    /**
     * How a reader's warning ends when it leaves the body mass unknown: a subject table beside
     * the file (gaitpdb's {@code demographics.txt}, gaitndd's {@code subject-description.txt})
     * that is missing, cannot be read or gives no usable weight for the subject. The warning
     * names the table, with line and column where a cell is at fault.
     */
    static final String BODY_MASS_UNKNOWN = "; body mass unknown";

    private Recordings() {
    }

    /**
     * The warning among {@code recording}'s that says why its body mass is unknown
     * ({@link #BODY_MASS_UNKNOWN}), if any, where {@code format}'s reader looks for it in a subject
     * table (gaitpdb, WFDB). Another file's copy of such a warning (a recording converted to the
     * toolkit's CSV keeps its warnings) is no reason: that file states its mass itself.
     */
    public static Optional<String> bodyMassUnknownWarning(Recording recording, RecordingFormat format) {
        if (format != RecordingFormat.GAITPDB && format != RecordingFormat.WFDB) {
            return Optional.empty();
        }
        return recording.warnings().stream().filter(w -> w.endsWith(BODY_MASS_UNKNOWN)).findFirst();
    }

    /** Reads a recording, detecting everything from the file. */
    public static Recording read(Path path) throws IOException {
        return read(path, ReadOptions.DEFAULTS);
    }

    /**
     * Reads a recording.
     *
     * <p>An explicit {@link ReadOptions#sampleRateHz()} or {@link ReadOptions#bodyMassKg()} wins
     * over what the file says; when they differ, the recording's warnings say so. A time column
     * that contradicts the rate used, explicit or stated, fails the read
     * ({@code docs/recording-format.md}, "Sample rate and the time column").
     *
     * @throws DataFormatException when the format is unknown or the content is not what the
     *                             format expects (the message names file, line and column)
     * @throws IOException         when the file cannot be read
     */
    public static Recording read(Path path, ReadOptions options) throws IOException {
        return read(path, options, RowTransform.identity());
    }

    /**
     * Reads a recording through a transform applied to every row while reading, e.g. one that
     * summarises channels so that they never all sit in memory
     * ({@code CellAggregatingSink::new}).
     *
     * <p>A text file of more than 16 MiB is parsed in parts on all processors
     * ({@link ReadParallelism#defaults()}), each part
     * through its own sink from {@code transform}, and the parts are joined in order: the
     * recording, its warnings and any error (with its line and column) are the same as when
     * read row by row on one thread.
     *
     * @param transform given the sink that builds the recording, returns a new sink that maps
     *                  each row and passes it on
     * @throws DataFormatException when the format is unknown or the content is malformed
     * @throws IOException         when the file cannot be read
     */
    public static Recording read(Path path, ReadOptions options, RowTransform transform) throws IOException {
        return read(path, options, transform, ReadParallelism.defaults());
    }

    /**
     * {@link #read(Path, ReadOptions, RowTransform)} with the given use of threads, e.g.
     * {@link ReadParallelism#SEQUENTIAL} to keep to the calling thread.
     */
    public static Recording read(Path path, ReadOptions options, RowTransform transform, ReadParallelism parallelism)
            throws IOException {
        return read(path, options, transform, parallelism, ReadProgress.NONE);
    }

    /**
     * {@link #read(Path, ReadOptions, RowTransform, ReadParallelism)} that tells {@code progress}
     * how far it has got, e.g. for a progress bar.
     */
    public static Recording read(Path path, ReadOptions options, RowTransform transform, ReadParallelism parallelism,
                                 ReadProgress progress) throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(transform, "transform");
        FileHead head = FileHead.read(path);
        FormatDetector.requireNotUtf16(path, head);
        RecordingFormat format = options.format() != null ? options.format() : FormatDetector.detect(path, head);
        RecordingReader reader = RecordingReaders.forFormat(format);
        RecordingBuilder builder = format == RecordingFormat.WFDB
                ? new RecordingBuilder()
                : new RecordingBuilder(head.estimatedLines());
        try {
            reader.read(path, options, new RecordingAssembly(builder, transform, parallelism, progress));
        } catch (DataFormatException e) {
            throw withDetectedFormat(e, options.format(), head);
        }
        return applyOptions(builder.build(), options);
    }

    /**
     * {@code e}, a file read as the format {@code given} ({@code --format}; null when detected),
     * with what its content reads as where that is another format: a wrong {@code --format}
     * makes any reader fail at its first line, and the reader cannot tell why.
     */
    private static DataFormatException withDetectedFormat(DataFormatException e, RecordingFormat given, FileHead head) {
        RecordingFormat detected = given == null ? null : FormatDetector.byContent(head.lines());
        if (detected == null || detected == given) {
            return e;
        }
        DataFormatException hinted = new DataFormatException(e.file(), e.line(), e.column(), e.problem()
                + "; the file reads as " + detected.id() + ": leave out --format " + given.id() + " to read it so");
        hinted.initCause(e);
        return hinted;
    }

    /** Makes sure explicit options hold even if a reader did not apply them. */
    private static Recording applyOptions(Recording r, ReadOptions options) {
        double rate = options.sampleRateHz();
        double mass = options.bodyMassKg();
        boolean rateDiffers = !Double.isNaN(rate) && rate != r.sampleRateHz();
        boolean massDiffers = !Double.isNaN(mass) && Double.compare(mass, r.metadata().bodyMassKg()) != 0;
        if (!rateDiffers && !massDiffers) {
            return r;
        }
        List<String> warnings = new ArrayList<>(r.warnings());
        if (rateDiffers) {
            warnings.add(ReaderSupport.rateOverride(r.source() + ": ", options.sampleRateGivenBy(), rate,
                    r.sampleRateHz(), "the file's"));
        } else {
            rate = r.sampleRateHz();
        }
        if (massDiffers && r.metadata().hasBodyMass()) {
            warnings.add(ReaderSupport.massOverride(r.source() + ": ", options.bodyMassGivenBy(), mass, r.metadata().bodyMassKg()));
        }
        return new Recording(r.source(), rate, r.startTimeS(), r.channels(),
                massDiffers ? r.metadata().withBodyMassKg(mass) : r.metadata(), warnings);
    }
}
