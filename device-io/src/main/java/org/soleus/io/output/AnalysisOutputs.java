package org.soleus.io.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the three result files of one analysis into a directory, in this order:
 * {@value #EVENTS_CSV}, {@value #STRIDES_CSV}, {@value #SUMMARY_JSON}. Each file is replaced
 * atomically ({@link AtomicFiles}): a failure part-way leaves the files written before it
 * complete and the others as they were. Stateless and thread-safe.
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
        AtomicFiles.writeText(dir.resolve(EVENTS_CSV), out -> EventsCsv.write(report.analysis().events(), out));
        AtomicFiles.writeText(dir.resolve(STRIDES_CSV), out -> StridesCsv.write(report.analysis().strides(), out));
        AtomicFiles.writeText(dir.resolve(SUMMARY_JSON), out -> SummaryJson.write(report, out));
    }
}
