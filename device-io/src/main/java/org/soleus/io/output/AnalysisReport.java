package org.soleus.io.output;

import java.util.List;
import java.util.Objects;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.LegLoadAnalysis;

/**
 * One input's analysis with the facts needed to reproduce it: what is written to
 * {@code summary.json}.
 *
 * @param input           what was read
 * @param analysis        what the gait analysis found
 * @param legs            plantar-flexion, knee and soleus analysis on top of it, or null when it
 *                        was not run; when given, {@code analysis} is {@code legs.gait()}
 * @param bodyMassKg      body mass used, kg, or NaN when unknown
 * @param bodyMassSource  {@link ValueSource#FLAG}, {@link ValueSource#FILE}, or
 *                        {@link ValueSource#NONE} exactly when the mass is unknown
 * @param softwareVersion version of the software that ran the analysis
 * @param run             how the analysis was asked to run
 * @param notices         what the analysis could not give, and why, one line each (the leg
 *                        analysis's notices and the run's own)
 */
public record AnalysisReport(InputProvenance input, GaitAnalysis analysis, LegLoadAnalysis legs, double bodyMassKg,
                             ValueSource bodyMassSource, String softwareVersion, RunOptions run, List<String> notices) {
    public AnalysisReport {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(run, "run");
        notices = List.copyOf(Objects.requireNonNull(notices, "notices"));
        Objects.requireNonNull(analysis, "analysis");
        if (legs != null && legs.gait() != analysis) {
            throw new IllegalArgumentException("the gait analysis must be the one the leg analysis carries");
        }
        Objects.requireNonNull(bodyMassSource, "bodyMassSource");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        if (Double.isNaN(bodyMassKg) != (bodyMassSource == ValueSource.NONE)) {
            throw new IllegalArgumentException("body mass source must be NONE exactly when the mass is NaN, got "
                    + bodyMassKg + " kg from " + bodyMassSource);
        }
        if (bodyMassSource == ValueSource.DETECTED) {
            throw new IllegalArgumentException("a body mass comes from a flag or the file, not detection");
        }
    }

    /** A report of the gait analysis with the leg analysis on top of it, and the notices of both. */
    public AnalysisReport(InputProvenance input, LegLoadAnalysis legs, double bodyMassKg, ValueSource bodyMassSource,
                          String softwareVersion, RunOptions run, List<String> notices) {
        this(input, legs.gait(), legs, bodyMassKg, bodyMassSource, softwareVersion, run, notices);
    }
}
