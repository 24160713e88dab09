/**
 * Result files of a gait analysis: {@code events.csv}, {@code strides.csv},
 * {@code summary.json} and, for calf-raise repetitions, {@code exercises.csv} (documented column
 * by column in {@code docs/outputs.md}), each written to a temporary file beside its target and renamed into place, so that a reader never sees a
 * half-written file. Batch analysis and live sessions share these writers.
 */
package org.soleus.io.output;
