package org.soleus.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes of input read, reported per second by JMH as the secondary result {@code bytes} (divide
 * by 10^6 for MB/s): the reading benchmarks add their file's size once per file read.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ReadBytes {
    public long bytes;
}
