package org.soleus.io.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.soleus.core.analysis.LegLoadAnalysis;

/**
 * Writes the result files of one analysis into a directory, in this order:
 * {@value #EVENTS_CSV}, {@value #STRIDES_CSV}, {@value #SUMMARY_JSON}, then
 * {@value #EXERCISES_CSV} when the leg analysis could look for calf raises and
 * {@value #SERIES_CSV} when asked for and the leg analysis derived any signal. An optional file
 * that this run does not write is deleted if an earlier run left one, so that the folder never
 * mixes two analyses. Each file is replaced atomically ({@link AtomicFiles}): a failure
 * part-way leaves the files written before it complete and the others as they were. The files
 * are formatted at the same time, the first on the calling thread and the others on other
 * threads, into temporary files that then replace their targets in that order. Stateless and
 * thread-safe.
 */
public final class AnalysisOutputs {

    /** Gait events, one row each ({@link EventsCsv}). */
    public static final String EVENTS_CSV = "events.csv";
    /** Valid strides, one row each ({@link StridesCsv}). */
    public static final String STRIDES_CSV = "strides.csv";
    /** Provenance, settings, summaries and data quality ({@link SummaryJson}). */
    public static final String SUMMARY_JSON = "summary.json";
    /** Calf-raise repetitions ({@link ExercisesCsv}). */
    public static final String EXERCISES_CSV = "exercises.csv";
    /** Derived per-sample signals ({@link SeriesCsv}). */
    public static final String SERIES_CSV = "series.csv";

    private AnalysisOutputs() {
    }

    /**
     * Writes the result files of {@code report} into {@code dir}, without {@value #SERIES_CSV}.
     */
    public static void write(AnalysisReport report, Path dir) throws IOException {
        write(report, dir, false);
    }

    /**
     * Writes the result files of {@code report} into {@code dir}, creating it (and its
     * parents) when needed; existing files of the same names are replaced.
     *
     * @param series whether to write {@value #SERIES_CSV} (when there is a signal to write)
     */
    public static void write(AnalysisReport report, Path dir, boolean series) throws IOException {
        Files.createDirectories(dir);
        LegLoadAnalysis legs = report.legs();
        boolean exercises = legs != null && !legs.calfRaiseFeet().isEmpty();
        boolean signals = series && legs != null && !legs.legs().isEmpty();
        List<CompletableFuture<AtomicFiles.Staged>> later = new ArrayList<>(4);
        later.add(stageAsync(dir.resolve(STRIDES_CSV), out -> StridesCsv.write(report.analysis().strides(), out)));
        later.add(stageAsync(dir.resolve(SUMMARY_JSON), out -> SummaryJson.write(report, out)));
        if (exercises) {
            later.add(stageAsync(dir.resolve(EXERCISES_CSV), out -> ExercisesCsv.write(legs.calfRaises(), out)));
        }
        if (signals) {
            InputProvenance in = report.input();
            later.add(stageAsync(dir.resolve(SERIES_CSV), out -> SeriesCsv.write(legs, in.sampleCount(),
                    in.sampleRateHz(), in.startTimeS(), report.bodyMassKg(), out)));
        }
        commitInOrder(dir.resolve(EVENTS_CSV), out -> EventsCsv.write(report.analysis().events(), out), later);
        if (!exercises) {
            Files.deleteIfExists(dir.resolve(EXERCISES_CSV));
        }
        if (!signals) {
            Files.deleteIfExists(dir.resolve(SERIES_CSV));
        }
    }

    /** Writes {@code first} on this thread, then commits the staged files in order. */
    private static void commitInOrder(Path firstTarget, AtomicFiles.TextBody first,
                                      List<CompletableFuture<AtomicFiles.Staged>> later) throws IOException {
        int committed = 0;
        try {
            AtomicFiles.writeText(firstTarget, first);
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
