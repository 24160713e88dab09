/**
 * Result files of a gait analysis: {@code events.csv}, {@code strides.csv} and
 * {@code summary.json} (documented column by column in {@code docs/outputs.md}), each written
 * to a temporary file beside its target and renamed into place, so that a reader never sees a
 * half-written file. Batch analysis and live sessions share these writers.
 */
package org.soleus.io.output;
