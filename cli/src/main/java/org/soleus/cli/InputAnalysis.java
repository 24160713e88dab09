package org.soleus.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import org.soleus.core.analysis.UnknownBodyMassException;
import org.soleus.io.analysis.RecordingAnalysis;
import org.soleus.io.analysis.SummaryLine;
import org.soleus.io.format.UnknownSampleRateException;
import org.soleus.io.output.AnalysisReport;

/**
 * Analyses one input of a run of {@code soleus analyze} and writes its results into its folder:
 * its stages go to the progress bar, its reader's warnings and notices to stderr as they come
 * ({@link BatchMessages}), a stop that a signal asked for is taken between two stages
 * ({@link Stopped}, nothing written), and a failure says what the command line can do about it:
 * a body mass or a rate that {@code --subjects} could give, a heap that ran out, an {@code --out}
 * the results cannot be written to.
 */
final class InputAnalysis {
    private final SubjectTableOption subjects;
    /** The recordings of the run (inputs not skipped), for the advice on a rate that one of them lacks. */
    private final int recordingsInRun;
    private final Path outDir;
    private final BatchProgress progress;
    private final BatchMessages messages;
    private final StopSignals.Registration stop;

    /**
     * @param subjects        {@code --subjects}, read: where a body mass or a rate could be given
     * @param recordingsInRun the inputs of the run that are recordings
     * @param outDir          {@code --out}, as given
     * @param progress        the run's progress, at the input to analyse
     * @param messages        where the input's warnings and notices go
     * @param stop            the run's stop request
     */
    InputAnalysis(SubjectTableOption subjects, int recordingsInRun, Path outDir, BatchProgress progress,
                  BatchMessages messages, StopSignals.Registration stop) {
        this.subjects = subjects;
        this.recordingsInRun = recordingsInRun;
        this.outDir = outDir;
        this.progress = progress;
        this.messages = messages;
        this.stop = stop;
    }

    /**
     * Analyses {@code input} with {@code analysis} and writes the results into {@code folder};
     * a heap that runs out is an {@link IOException} naming the input: its samples are garbage
     * once it has failed, so the next input has the whole heap again.
     *
     * @return the input's summary line
     * @throws Stopped when a signal asked to stop before the results were written
     */
    String run(RecordingAnalysis analysis, Path input, Path folder) throws IOException {
        try {
            return analyze(analysis, input, folder);
        } catch (OutOfMemoryError e) {
            throw new IOException(input + ": " + ErrorHandler.outOfMemory(), e);
        }
    }

    private String analyze(RecordingAnalysis analysis, Path input, Path folder) throws IOException {
        RecordingAnalysis.Observer observer = new RecordingAnalysis.Observer() {
            private String stage;

            @Override
            public void stage(String what, double fractionOfInput) {
                // a stop is taken between stages (on this thread), not within one (the reading's parts)
                if (!what.equals(stage) && stop.requested()) {
                    throw new Stopped();
                }
                stage = what;
                progress.stage(what, fractionOfInput);
            }

            @Override
            public void readerWarnings(List<String> warnings) {
                messages.readerWarnings(input, warnings);
            }

            @Override
            public void notice(String text) {
                messages.notice(input, text, analysis.readOptions());
            }
        };
        AnalysisReport report;
        try {
            report = analysis.analyze(input, observer);
        } catch (UnknownBodyMassException e) {
            throw subjects.unknownMass(e, input);
        } catch (UnknownSampleRateException e) {
            throw subjects.unknownRate(e, input, recordingsInRun);
        }
        try {
            analysis.write(report, folder, observer);
        } catch (IOException e) {
            throw outputFailure(e);
        }
        return SummaryLine.of(input, report.legs(), folder);
    }

    /**
     * A failure to write the results, naming {@code --out}: the output folder the user gave is at
     * fault, not the input. The file is named when it is not that folder itself.
     */
    private IOException outputFailure(IOException e) {
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        boolean theFolder = file == null
                || Path.of(file).toAbsolutePath().normalize().equals(outDir.toAbsolutePath().normalize());
        return new IOException("--out " + outDir + ": cannot write the results: " + (theFolder ? "" : file + ": ")
                + ErrorHandler.reason(e), e);
    }

    /** Thrown between two stages of an analysis that a signal asked to stop; nothing is written then. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped by a signal", null, false, false);
        }
    }
}
