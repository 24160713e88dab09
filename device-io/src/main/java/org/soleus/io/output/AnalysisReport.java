package org.soleus.io.output;

import java.util.Objects;
import org.soleus.core.analysis.GaitAnalysis;

/**
 * One input's analysis with the facts needed to reproduce it: what is written to
 * {@code summary.json}.
 *
 * @param input           what was read
 * @param analysis        what the analysis found
 * @param bodyMassKg      body mass used, kg, or NaN when unknown
 * @param bodyMassSource  {@link ValueSource#FLAG}, {@link ValueSource#FILE}, or
 *                        {@link ValueSource#NONE} exactly when the mass is unknown
 * @param softwareVersion version of the software that ran the analysis
 */
public record AnalysisReport(InputProvenance input, GaitAnalysis analysis, double bodyMassKg,
                             ValueSource bodyMassSource, String softwareVersion) {
    public AnalysisReport {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(analysis, "analysis");
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
}
