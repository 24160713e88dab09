package org.soleus.core.gait;

/** Receives the strides a {@link StrideAssembler} completes, valid or rejected. */
public interface StrideListener {

    /** A valid stride. */
    void onStride(Stride stride);

    /** A candidate stride that failed a validity check. */
    void onRejected(RejectedStride rejected);
}
