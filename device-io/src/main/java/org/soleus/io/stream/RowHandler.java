package org.soleus.io.stream;

/** Receives the rows {@link SampleRing#poll} takes. */
@FunctionalInterface
public interface RowHandler {

    /**
     * One row. The view is valid only during the call: copy what must be kept.
     */
    void onRow(SampleRow row);
}
