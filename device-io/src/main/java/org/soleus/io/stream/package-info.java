/**
 * Handing decoded samples from a reader thread to a consumer without allocation or locks: a
 * single-producer single-consumer ring of primitive sample rows
 * ({@link org.soleus.io.stream.SampleRing}) read through a reused
 * {@link org.soleus.io.stream.SampleRow} view.
 */
package org.soleus.io.stream;
