/**
 * Handing decoded samples from a reader thread to a consumer without allocation or locks: a
 * single-producer single-consumer ring of primitive sample rows
 * ({@link org.soleus.io.stream.SampleRing}) read through a reused
 * {@link org.soleus.io.stream.SampleRow} view; a consumer that finds the ring empty parks until
 * the producer's next row wakes it.
 */
package org.soleus.io.stream;
