/**
 * The recording model: channels as primitive arrays on one uniform time base, named
 * {@code <side>.<place>.<quantity>_<unit>}, with metadata (body mass, insole layout) and a
 * streaming {@link org.soleus.core.recording.SampleSink} through which readers and live
 * decoders deliver samples ({@link org.soleus.core.recording.RowTransform} for sinks that map
 * each row on its own). Missing samples are NaN, never zero.
 */
package org.soleus.core.recording;
