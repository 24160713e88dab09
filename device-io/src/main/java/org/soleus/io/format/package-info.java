/**
 * Recording file formats. {@link org.soleus.io.format.Recordings} is the entry point: it
 * recognises a file's format from its content ({@link org.soleus.io.format.FormatDetector}),
 * picks the reader from {@link org.soleus.io.format.RecordingReaders} (where new readers are
 * registered) and collects the samples into a {@link org.soleus.core.recording.Recording}.
 *
 * <p>Readers stream samples into a {@link org.soleus.core.recording.SampleSink} and never hold
 * a file as text: they parse bytes in place ({@link org.soleus.io.format.text}). Bad content
 * raises a {@link org.soleus.io.format.DataFormatException} naming file, line and column;
 * recoverable faults (a last row cut short, a gap in the time column, an unknown vendor
 * column) become the recording's warnings. Missing samples are NaN. Large text files are
 * parsed in parts on several threads and joined in order
 * ({@link org.soleus.io.format.ReadParallelism}), with the same result as row by row.
 *
 * <p>{@link org.soleus.io.format.RecordingWriter} writes the toolkit's own CSV format,
 * specified in {@code docs/recording-format.md}.
 */
package org.soleus.io.format;
