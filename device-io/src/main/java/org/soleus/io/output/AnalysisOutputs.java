package org.soleus.io.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.soleus.core.analysis.LegLoadAnalysis;
import org.soleus.core.monitor.LoadSpikes;

/**
 * Writes the result files of one analysis into a directory, in this order:
 * {@value #EVENTS_CSV}, {@value #STRIDES_CSV}, {@value #SUMMARY_JSON}, then
 * {@value #EXERCISES_CSV} when the leg analysis could look for calf raises and
 * {@value #SERIES_CSV} when asked for and the leg analysis derived any signal. An optional file
 * that this run does not write is deleted if an earlier analysis wrote it (the folder's
 * {@code summary.json} lists the files of its analysis), so that the folder never mixes two
 * analyses; a file of that name that no analysis listed (the user's own) is left alone. The files
 * are formatted at the same time, {@value #SUMMARY_JSON} on the calling thread and each other on a
 * thread of its own, into temporary files ({@link AtomicFiles#stage});
 * only when all of them are complete do they replace their targets, in that order
 * ({@link AtomicFiles#commitTogether}), and the optional files of the earlier analysis go, as
 * one step that another analysis into the same folder, in this process or another, waits for
 * ({@link FolderLock}): two runs started together leave the files of one. A failure while writing (a full disk, say) therefore
 * leaves every file of the folder as it was, and so does a stop (Ctrl-C, SIGTERM) before the
 * renames, while one during them waits for them to end; only a rename that fails after others
 * succeeded (a target made read-only meanwhile), or a kill that lets no code run (SIGKILL, a
 * power cut) in the milliseconds of the renames, can leave the folder part old, part new.
 * Temporary files of these five names that a run killed outright
 * left in the folder are deleted first, those of runs still writing are not
 * ({@link AtomicFiles#removeAbandoned}). Stateless and thread-safe.
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
    /** The files every analysis writes. */
    private static final List<String> ALWAYS = List.of(EVENTS_CSV, STRIDES_CSV, SUMMARY_JSON);
    /** Every file this class may write. */
    private static final List<String> ALL = List.of(EVENTS_CSV, STRIDES_CSV, SUMMARY_JSON, EXERCISES_CSV, SERIES_CSV);

    private AnalysisOutputs() {
    }

    /**
     * The first of {@code inputs} that is one of the files every analysis writes into
     * {@code dir} (an input named {@code strides.csv} in the output folder, say), or null: to be
     * refused before it is read. ({@link #write} refuses the optional files' too.)
     *
     * @throws IOException when a file that exists cannot be compared
     */
    public static Path inputReplacedIn(Path dir, List<Path> inputs) throws IOException {
        return replaced(dir, ALWAYS, inputs);
    }

    private static Path replaced(Path dir, Collection<String> names, List<Path> inputs) throws IOException {
        for (String name : names) {
            Path output = dir.resolve(name);
            if (!Files.exists(output)) {
                continue;
            }
            for (Path input : inputs) {
                if (Files.exists(input) && Files.isSameFile(output, input)) {
                    return output;
                }
            }
        }
        return null;
    }

    /**
     * Writes the result files of {@code report} into {@code dir}, creating it (and its
     * parents) when needed; existing files of the same names are replaced, and temporary files
     * of theirs that a killed run abandoned are deleted.
     *
     * @param series whether to write {@value #SERIES_CSV} (when there is a signal to write)
     */
    public static void write(AnalysisReport report, Path dir, boolean series) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.removeAbandoned(dir, ALL);
        LegLoadAnalysis legs = report.legs();
        boolean exercises = legs != null && !legs.calfRaiseFeet().isEmpty();
        boolean signals = series && legs != null && !legs.legs().isEmpty();
        List<String> files = new ArrayList<>(List.of(EVENTS_CSV, STRIDES_CSV, SUMMARY_JSON));
        if (exercises) {
            files.add(EXERCISES_CSV);
        }
        if (signals) {
            files.add(SERIES_CSV);
        }
        Path input = Path.of(report.input().path());
        refuseToReplace(input, dir, files);
        // In the files' order. The CSV files begin first, each on a thread of its own, while this
        // thread scores the load spikes (before strides.csv, which flags them); only
        // summary.json, which lists the files, waits for that.
        List<CompletableFuture<AtomicFiles.Staged>> staged = new ArrayList<>(5);
        staged.add(stageAsync(dir.resolve(EVENTS_CSV), out -> EventsCsv.write(report.analysis().events(), out)));
        boolean[] spikes;
        try {
            spikes = LoadSpikes.flags(report.analysis().strides());
            staged.add(stageAsync(dir.resolve(STRIDES_CSV), out -> StridesCsv.write(report.analysis().strides(), spikes, out)));
            if (exercises) {
                staged.add(stageAsync(dir.resolve(EXERCISES_CSV), out -> ExercisesCsv.write(legs.calfRaises(), out)));
            }
            if (signals) {
                InputProvenance in = report.input();
                staged.add(stageAsync(dir.resolve(SERIES_CSV), out -> SeriesCsv.write(legs, in.sampleCount(),
                        in.sampleRateHz(), in.startTimeS(), report.bodyMassKg(), out)));
            }
        } catch (RuntimeException | Error e) {
            discard(staged);
            throw e;
        }
        staged.add(2, CompletableFuture.supplyAsync(() -> stageNow(dir.resolve(SUMMARY_JSON),
                out -> SummaryJson.write(report, spikes, files, out)), Runnable::run));
        List<AtomicFiles.Staged> written = awaitAll(staged);
        try (FolderLock step = FolderLock.acquire(dir)) {
            // the analysis whose files are in the folder now, after any other run's step into it
            Set<String> earlier = SummaryJson.filesListedIn(dir.resolve(SUMMARY_JSON));
            // an optional file of the earlier analysis that this one deletes (rarely an input)
            refuseToReplace(input, dir, earlier);
            AtomicFiles.commitTogether(written);
            for (String optional : List.of(EXERCISES_CSV, SERIES_CSV)) {
                if (!files.contains(optional) && earlier.contains(optional)) {
                    Files.deleteIfExists(dir.resolve(optional));
                }
            }
        } finally {
            for (AtomicFiles.Staged file : written) {
                file.close();
            }
        }
    }

    /** Fails naming {@code input} when one of the files {@code names} in {@code dir} is that file. */
    private static void refuseToReplace(Path input, Path dir, Collection<String> names) throws IOException {
        Path replaced = replaced(dir, names, List.of(input));
        if (replaced != null) {
            throw new IOException(input + ": its results would replace it, as " + replaced + "; give another --out");
        }
    }

    /**
     * Awaits the files being staged: all of them when every one was written; else none (those
     * written are deleted) and the first failure.
     */
    private static List<AtomicFiles.Staged> awaitAll(List<CompletableFuture<AtomicFiles.Staged>> files)
            throws IOException {
        List<AtomicFiles.Staged> staged = new ArrayList<>(files.size());
        IOException failure = null;
        RuntimeException bug = null;
        Error error = null;
        for (CompletableFuture<AtomicFiles.Staged> next : files) {
            try {
                staged.add(await(next));
            } catch (IOException e) {
                failure = failure != null ? failure : e;
            } catch (RuntimeException e) {
                bug = bug != null ? bug : e;
            } catch (Error e) {
                error = error != null ? error : e;
            }
        }
        if (failure == null && bug == null && error == null) {
            return staged;
        }
        for (AtomicFiles.Staged file : staged) {
            file.close();
        }
        if (failure != null) {
            throw failure;
        }
        if (bug != null) {
            throw bug;
        }
        throw error;
    }

    /** Awaits the files being staged and deletes them, their targets untouched; for a write that fails before its commit. */
    private static void discard(List<CompletableFuture<AtomicFiles.Staged>> files) {
        for (CompletableFuture<AtomicFiles.Staged> next : files) {
            try {
                await(next).close();
            } catch (IOException | RuntimeException | Error e) {
                // the write fails with the reason the caller throws; a file not staged needs no deleting
            }
        }
    }

    /** {@link AtomicFiles#stage} on this thread, its failure unchecked (as {@link #stageAsync}'s). */
    private static AtomicFiles.Staged stageNow(Path target, AtomicFiles.TextBody body) {
        try {
            return AtomicFiles.stage(target, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<AtomicFiles.Staged> stageAsync(Path target, AtomicFiles.TextBody body) {
        return CompletableFuture.supplyAsync(() -> stageNow(target, body), AnalysisOutputs::startWriter);
    }

    private static void startWriter(Runnable task) {
        Thread writer = new Thread(task, "soleus-writer");
        writer.setDaemon(true);
        writer.start();
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
}
