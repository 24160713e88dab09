package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.soleus.io.analysis.RecordingAnalysis;
import org.soleus.io.output.AnalysisOutputs;
import picocli.CommandLine.ParameterException;

/**
 * Runs the inputs of {@code soleus analyze} in order, each into its output folder
 * ({@link OutputFolders}), and tells how each went: a summary line on stdout for each recording
 * analysed, on stderr an input skipped, a recording's warnings and notices, the failure of one of
 * several (the run goes on with the next; a single input's failure is thrown as the command's),
 * the closing lines of the warnings and notices given again ({@link BatchMessages}), and where a
 * signal ({@link StopSignals}) stopped the run. Progress goes to a bar ({@link BatchProgress}).
 */
final class AnalysisBatch {

    /**
     * What a run came to.
     *
     * @param failed   how many of its recordings failed (each told above)
     * @param stopCode 128 + the number of the signal that stopped it, or 0 when none did
     */
    record Outcome(int failed, int stopCode) {
        /** Whether a signal stopped the run. */
        boolean stopped() {
            return stopCode != 0;
        }
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean debug;
    private final SubjectTableOption subjects;
    private final Path outDir;

    /**
     * @param out      where the summary lines go
     * @param err      where the lines about inputs, the progress bar and the closing lines go
     * @param debug    whether {@code --debug} was given: a failure's stack trace follows its line
     * @param subjects {@code --subjects}, read: each recording's subject
     * @param outDir   {@code --out}
     */
    AnalysisBatch(PrintWriter out, PrintWriter err, boolean debug, SubjectTableOption subjects, Path outDir) {
        this.out = out;
        this.err = err;
        this.debug = debug;
        this.subjects = subjects;
        this.outDir = outDir;
    }

    /**
     * Analyses with {@code analysis} the {@code recordings} among {@code inputs}, which
     * {@code survey} found, until done or stopped by a signal.
     *
     * @throws IOException the failure of a single input (a {@link NotedFailure} where its folder
     *                     holds an earlier run's results), or a failure to list the output folder
     */
    Outcome run(RecordingAnalysis analysis, List<Path> inputs, InputSurvey survey, List<Path> recordings)
            throws IOException {
        int count = inputs.size();
        OutputFolders folders = new OutputFolders(outDir, count, recordings);
        folders.earlierResultsOfTheOtherLayout().ifPresent(text -> err.println(BatchMessages.PREFIX + text));
        BatchProgress progress = BatchProgress.of(err, survey, count);
        BatchMessages messages = new BatchMessages(err, progress, debug);
        int failed = 0;
        int started = 0;
        int recordFiles = 0;
        String stoppedLine = null;
        int stopCode = 0;
        try (StopSignals.Registration stop = StopSignals.register()) {
            InputAnalysis one = new InputAnalysis(subjects, recordings.size(), outDir, progress, messages, stop);
            for (int i = 0; i < count && !stop.requested(); i++) {
                Path input = inputs.get(i);
                if (survey.skip(i) != null) {
                    if (survey.isPartOfARecordGiven(i)) {
                        recordFiles++;
                    } else {
                        messages.skipped(input, survey.skip(i));
                    }
                    continue;
                }
                progress.startInput(started++, input, survey.sizeBytes(i));
                String line;
                Path folder = folders.next(input);
                try {
                    if (survey.problem(i) != null) {
                        throw survey.problem(i);
                    }
                    requireNoInputReplaced(input, folder, recordings);
                    line = one.run(subjects.forInput(analysis, input), input, folder);
                } catch (InputAnalysis.Stopped e) {
                    stoppedLine = stoppedLine(stop.exitCode(), input, started - 1, failed, survey.recordings());
                    break;
                } catch (IOException | RuntimeException e) {
                    if (count == 1) {
                        String earlier = BatchMessages.earlierResultsNote(folder);
                        if (earlier.isEmpty() || e instanceof ParameterException) {
                            throw e;
                        }
                        throw new NotedFailure(e, earlier);
                    }
                    messages.failure(input, e, folder);
                    failed++;
                    continue;
                }
                progress.clear();
                out.println(line);
                out.flush();
            }
            if (stop.requested()) {
                stopCode = stop.exitCode();
                if (stoppedLine == null) {
                    stoppedLine = stoppedLine(stop.exitCode(), null, started, failed, survey.recordings());
                }
            }
        } finally {
            progress.clear();
        }
        messages.closingLines(recordFiles);
        if (stoppedLine != null) {
            err.println(stoppedLine);
            err.flush();
        }
        return new Outcome(failed, stopCode);
    }

    /** Fails when {@code input}'s results, written into {@code folder}, would replace one of the {@code recordings}. */
    private static void requireNoInputReplaced(Path input, Path folder, List<Path> recordings) throws IOException {
        Path replaced = AnalysisOutputs.inputReplacedIn(folder, recordings);
        if (replaced != null) {
            throw new IOException(input + ": its results would replace an input, " + replaced + "; give another --out");
        }
    }

    /**
     * The line that ends a run a signal stopped: what was and was not written, and of several
     * inputs how many were done (analysed, or failed above) and how many were not analysed.
     *
     * @param exitCode 128 + the number of the signal that stopped it: 130 for SIGINT, 143 for SIGTERM
     * @param input    the input being analysed when it stopped, or null when it stopped between two
     * @param done     how many recordings were done before
     * @param failed   how many of those failed
     * @param total    the recordings among the inputs
     */
    static String stoppedLine(int exitCode, Path input, int done, int failed, int total) {
        String signal = exitCode == 130 ? "Ctrl-C (SIGINT)" : "SIGTERM";
        int after = total - done - (input == null ? 0 : 1);
        StringBuilder line = new StringBuilder("soleus: stopped by ").append(signal);
        if (input != null) {
            line.append(" while analysing ").append(input).append(": its results were not written (any earlier ones in ")
                    .append("its folder are as they were)");
        }
        if (total > 1) {
            line.append(input != null ? "; " : ": ").append(done).append(" of ").append(total)
                    .append(" recordings were done (above").append(failed == 0 ? ")" : "; " + failed + " of them failed)");
            if (after > 0) {
                line.append(", ").append(after).append(after == 1 ? " was" : " were").append(" not analysed");
            }
        } else if (input == null) {
            line.append(" after the analysis: its results were written");
        }
        return line.toString();
    }
}
