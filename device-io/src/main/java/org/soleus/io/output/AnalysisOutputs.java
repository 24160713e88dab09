package org.soleus.io.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes the three result files of one analysis into a directory, in this order:
 * {@value #EVENTS_CSV}, {@value #STRIDES_CSV}, {@value #SUMMARY_JSON}. Each file is replaced
 * atomically ({@link AtomicFiles}): a failure part-way leaves the files written before it
 * complete and the others as they were. The three files are formatted at the same time, the
 * first on the calling thread and the others on other threads, into temporary files that then
 * replace their targets in that order. Stateless and thread-safe.
 */
public final class AnalysisOutputs {

    /** Gait events, one row each ({@link EventsCsv}). */
    public static final String EVENTS_CSV = "events.csv";
    /** Valid strides, one row each ({@link StridesCsv}). */
    public static final String STRIDES_CSV = "strides.csv";
    /** Provenance, settings, summaries and data quality ({@link SummaryJson}). */
    public static final String SUMMARY_JSON = "summary.json";

    private AnalysisOutputs() {
    }

    /**
     * Writes the result files of {@code report} into {@code dir}, creating it (and its
     * parents) when needed; existing files of the same names are replaced.
     */
    public static void write(AnalysisReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<CompletableFuture<AtomicFiles.Staged>> later = List.of(
                stageAsync(dir.resolve(STRIDES_CSV), out -> StridesCsv.write(report.analysis().strides(), out)),
                stageAsync(dir.resolve(SUMMARY_JSON), out -> SummaryJson.write(report, out)));
        int committed = 0;
        try {
            AtomicFiles.writeText(dir.resolve(EVENTS_CSV), out -> EventsCsv.write(report.analysis().events(), out));
            for (CompletableFuture<AtomicFiles.Staged> staged : later) {
                try (AtomicFiles.Staged file = await(staged)) {
                    file.commit();
                }
                committed++;
            }
        } finally {
            for (int i = committed; i < later.size(); i++) {
                discard(later.get(i));
            }
        }
    }

    /** Stages a file on another thread ({@link AtomicFiles#stage}). */
    private static CompletableFuture<AtomicFiles.Staged> stageAsync(Path target, AtomicFiles.TextBody body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return AtomicFiles.stage(target, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static AtomicFiles.Staged await(CompletableFuture<AtomicFiles.Staged> staged) throws IOException {
        try {
            return staged.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException) {
                throw ((UncheckedIOException) cause).getCause();
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /**
     * Waits for a staged file that will not be used and deletes it, quietly: the failure that
     * made it unused is the one to report (a temporary file left behind is deleted on exit).
     */
    private static void discard(CompletableFuture<AtomicFiles.Staged> staged) {
        try {
            staged.join().close();
        } catch (CompletionException | IOException e) {
            // nothing staged, or nothing more to do
        }
    }
}
