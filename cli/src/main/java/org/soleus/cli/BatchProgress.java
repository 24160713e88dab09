package org.soleus.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The progress of a run of {@code soleus analyze} over the recordings among its inputs, weighted
 * by file size, on a {@link ProgressBar} where stderr is a terminal and the run has several inputs
 * or a large one; silent without a bar. Not thread-safe.
 */
final class BatchProgress {
    /** Inputs from this size on get a progress bar even when alone. */
    private static final long LARGE_INPUT_BYTES = 32L << 20;

    private final ProgressBar bar;
    private final long totalBytes;
    private final int recordingCount;
    private long doneBytes;
    private long currentBytes;
    private int index;
    private String name = "";

    private BatchProgress(ProgressBar bar, long totalBytes, int recordingCount) {
        this.bar = bar;
        this.totalBytes = totalBytes;
        this.recordingCount = recordingCount;
    }

    /**
     * The progress of a run of {@code inputCount} inputs that {@code survey} found, drawn on
     * {@code err} when it is a terminal.
     */
    static BatchProgress of(PrintWriter err, InputSurvey survey, int inputCount) {
        ProgressBar bar = Terminals.stderrIsTerminal() && (inputCount > 1 || survey.largestBytes() >= LARGE_INPUT_BYTES)
                ? new ProgressBar(err, Terminals.columns()) : null;
        return new BatchProgress(bar, Math.max(1, survey.totalBytes()), survey.recordings());
    }

    /** Starts the recording at {@code recordingIndex} among the recordings, from 0. */
    void startInput(int recordingIndex, Path input, long bytes) {
        doneBytes += currentBytes;
        currentBytes = bytes;
        index = recordingIndex;
        name = String.valueOf(input.getFileName());
    }

    /** Shows the stage {@code what} of the current recording, {@code fractionOfInput} of it done. */
    void stage(String what, double fractionOfInput) {
        if (bar != null) {
            double fraction = (doneBytes + fractionOfInput * currentBytes) / totalBytes;
            bar.show(fraction, (index + 1) + "/" + recordingCount + " " + name + ": " + what);
        }
    }

    /** Erases the bar, so that a line can be printed. */
    void clear() {
        if (bar != null) {
            bar.clear();
        }
    }
}
