package org.soleus.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.soleus.core.gait.RejectedStride;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.output.AnalysisOutputs;

/**
 * The lines on stderr about the inputs of a run of {@code soleus analyze}, each starting with
 * {@value #PREFIX}: a skipped input, a reader's warnings (at most {@value #MAX_WARNING_LINES} an
 * input, starting with {@value #WARNING}), a notice with the options that bear on it, the failure
 * of one input among several (starting with {@code soleus analyze: error: }). A warning of the
 * same text, or a notice of the same gist, that an earlier input got is not repeated: the closing
 * lines name the inputs that got it again ({@link RepeatedNotices}). The progress bar is erased
 * before a line. Not thread-safe.
 */
final class BatchMessages {
    /** How every line about one input on stderr starts. */
    static final String PREFIX = "soleus analyze: ";
    /** How a reader's warning on stderr starts. */
    static final String WARNING = PREFIX + "warning: ";
    /** How the failure of one input among several starts on stderr. */
    private static final String ERROR = PREFIX + "error: ";
    /** What a notice of rejected strides adds on the command line: the options that set the limits. */
    private static final String LIMITS_HINT = "; --stride-range MIN,MAX and --stance-range MIN,MAX set the limits";
    /** What the notice of a default insole length adds on the command line: the options that give the lengths. */
    private static final String GEOMETRY_HINT = "; --insole-length M and --heel-to-ankle M give them (or, per recording,"
            + " --subjects)";
    /** The same with the heel-to-ankle distance given. */
    private static final String LENGTH_HINT = "; --insole-length M gives it (or, per recording, --subjects)";
    /** Where a reader's warning starts: the file and the line and column in it, {@code walk.csv:12:3: }. */
    private static final Pattern WHERE = Pattern.compile("^.*?(:\\d+)*: ");
    /** Reader warnings shown on stderr per input; summary.json has them all. */
    private static final int MAX_WARNING_LINES = 10;

    private final PrintWriter err;
    private final BatchProgress progress;
    /** Whether {@code --debug} was given: a failure's line is followed by its stack trace. */
    private final boolean debug;
    /** The notices shown so far, so that one that several inputs get is shown once. */
    private final RepeatedNotices notices = new RepeatedNotices("notice", true);
    /** The readers' warnings shown so far, so that one that several inputs get (a flag that changes nothing) is shown once. */
    private final RepeatedNotices warnings = new RepeatedNotices("warning", false);

    /**
     * @param err      where the lines go
     * @param progress the bar to erase before a line
     * @param debug    whether {@code --debug} was given
     */
    BatchMessages(PrintWriter err, BatchProgress progress, boolean debug) {
        this.err = err;
        this.progress = progress;
        this.debug = debug;
    }

    /** That {@code input} is skipped, and {@code why}. */
    void skipped(Path input, String why) {
        progress.clear();
        err.println(PREFIX + input + ": skipped: " + why);
    }

    /**
     * The reader's warnings (a last line cut short, filled gaps, a rate or mass that overrides
     * the file's...), one line each, at most {@value #MAX_WARNING_LINES}, then one line with the
     * count of the rest; all of them are in {@code summary.json}. A warning an earlier input got
     * is not shown again (nor counted), but named in a closing line.
     */
    void readerWarnings(Path input, List<String> readerWarnings) {
        progress.clear();
        int shown = 0;
        int cut = 0;
        for (String warning : readerWarnings) {
            String line = ErrorHandler.oneLine(warning);
            String text = WHERE.matcher(line).replaceFirst("");
            if (warnings.isRepeat(input, text)) {
                warnings.show(input, text); // named in a closing line
            } else if (shown < MAX_WARNING_LINES) {
                warnings.show(input, text);
                err.println(WARNING + line);
                shown++;
            } else {
                cut++;
            }
        }
        if (cut > 0) {
            err.println(WARNING + cut + " more warnings in summary.json");
        }
        err.flush();
    }

    /**
     * The analysis's notice {@code text} about {@code input}, read with {@code read}, with what
     * the command line can do about it ({@link #withHints}), unless an earlier input got it.
     */
    void notice(Path input, String text, ReadOptions read) {
        String shown = withHints(ErrorHandler.oneLine(text), read);
        if (notices.show(input, shown)) {
            progress.clear();
            err.println(PREFIX + input + ": " + shown);
        }
    }

    /**
     * A notice's {@code line} with the options that bear on it: those that set the stride limits
     * where strides were rejected, those that give the foot's lengths where a default was taken,
     * and that a rate given on the command line or the subject table may be wrong where strides
     * were too long or short or none was found (every duration scales with it).
     */
    private static String withHints(String line, ReadOptions read) {
        boolean limits = (line.startsWith("no strides: all ") || line.startsWith("many candidate strides"))
                && line.contains("a stride lasts ");
        boolean geometry = line.startsWith("the recording states no insole length");
        // too long or too short strides, or none found at all: both may come of a wrong rate
        boolean noSteps = line.startsWith("no strides: no ");
        boolean rate = !Double.isNaN(read.sampleRateHz())
                && (limits && line.contains(RejectedStride.Reason.STRIDE_DURATION.label()) || noSteps);
        return line
                + (!geometry ? "" : line.contains("from heel to ankle set") ? LENGTH_HINT : GEOMETRY_HINT)
                + (limits ? LIMITS_HINT : "")
                + (rate ? (noSteps ? "; perhaps" : "; or") + " the "
                        + BigDecimal.valueOf(read.sampleRateHz()).stripTrailingZeros().toPlainString()
                        + " Hz given by " + read.sampleRateGivenBy() + " is not the recording's rate (every"
                        + " duration scales with it)" : "");
    }

    /**
     * One line for {@code input}, which failed among several, naming it, as the error handler
     * would for a single input (with the stack trace on {@code --debug}), and that its output
     * {@code folder} still holds an earlier run's results, where it does.
     */
    void failure(Path input, Exception e, Path folder) {
        progress.clear();
        String line = ErrorHandler.describe(e, debug);
        err.println(ERROR + (line.contains(input.toString()) ? line : input + ": " + line) + earlierResultsNote(folder));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * What a failure adds when the input's folder holds results: the failed run wrote nothing
     * there, so they are an earlier run's, which a reader of the folder would otherwise take for
     * this one's; empty when it holds none.
     */
    static String earlierResultsNote(Path folder) {
        return Files.exists(folder.resolve(AnalysisOutputs.SUMMARY_JSON))
                ? "; " + folder + " still holds the results of an earlier run" : "";
    }

    /**
     * The lines that end the run: the warnings and notices that later inputs got again, and the
     * count of the {@code recordFiles} skipped as files of a record whose header was given.
     */
    void closingLines(int recordFiles) {
        warnings.closingLines().forEach(text -> err.println(WARNING + text));
        notices.closingLines().forEach(text -> err.println(PREFIX + text));
        if (recordFiles > 0) {
            err.println(PREFIX + "skipped " + recordFiles + (recordFiles == 1 ? " file" : " files")
                    + " of the records given: their signal files, read through the .hea, and stride tables");
        }
    }
}
