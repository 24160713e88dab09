package org.soleus.core.analysis;

import org.soleus.core.gait.RejectedStride;

/** A listener that drops what a {@link StreamingGaitAnalyzer} finds, for tests that read its result or failure. */
final class IgnoringGaitListener implements LiveGaitListener {

    @Override
    public void onStride(StrideResult stride) {
    }

    @Override
    public void onRejected(RejectedStride rejected) {
    }
}
