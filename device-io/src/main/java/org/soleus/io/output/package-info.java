/**
 * Result files of a recording's analysis: {@code events.csv}, {@code strides.csv},
 * {@code summary.json} and, where they apply, {@code exercises.csv} (calf-raise repetitions) and
 * {@code series.csv} (derived signals per sample), documented column by column in
 * {@code docs/outputs.md}. {@link org.soleus.io.output.AnalysisOutputs} writes each to a
 * temporary file beside its target and renames them into place once all are complete, so that a
 * reader never sees a half-written file.
 */
package org.soleus.io.output;
