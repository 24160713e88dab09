package org.soleus.core.analysis;

import org.soleus.core.gait.RejectedStride;

/** Receives what a {@link StreamingGaitAnalyzer} finds, as it finds it, on the calling thread. */
public interface LiveGaitListener {

    /** A valid stride, with its loading when force is in newtons. */
    void onStride(StrideResult stride);

    /** A candidate stride that failed a validity check. */
    void onRejected(RejectedStride rejected);

    /**
     * Something the user should know about the figures from now on, once, as the batch analysis
     * gives it in its notices (a leg's knee figures left out, and why). Ignored by default.
     */
    default void onNotice(String notice) {
    }
}
