package org.soleus.core.gait;

import org.soleus.core.recording.Side;

/** Where a foot's signal had missing samples, as a {@link StrideAssembler} asks it. */
@FunctionalInterface
public interface MissingSamples {

    /**
     * Whether samples of {@code side}'s signal are missing within {@code [fromS, toS]} or next to
     * its ends; false for a foot without a signal.
     */
    boolean within(Side side, double fromS, double toS);
}
