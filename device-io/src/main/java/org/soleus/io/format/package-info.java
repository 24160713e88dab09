/**
 * Recording file formats: readers that stream samples into a
 * {@link org.soleus.core.recording.SampleSink}, format detection from content, and the
 * writer of the toolkit's own CSV recording format.
 */
package org.soleus.io.format;
