package org.soleus.io.analysis;

import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.UnknownBodyMassException;
import org.soleus.core.recording.ForwardingSink;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;

/**
 * A stage of the reading of a file to be analysed that fails as soon as the stream's header is
 * known when the analysis will need a body mass that the recording does not have (an insole
 * force in newtons: {@link InsoleGaitAnalyzer#needsBodyMass}), rather than once the file has
 * been read whole: a day-long export takes a minute to read. The analysis fails with the same
 * {@link UnknownBodyMassException} when its recording comes without this stage. Rows pass
 * unchanged.
 */
final class BodyMassRequirement extends ForwardingSink {

    /** @param next receives the stream */
    BodyMassRequirement(SampleSink next) {
        super(next);
    }

    /** @throws UnknownBodyMassException when the header's force is in newtons and it has no body mass */
    @Override
    public void start(RecordingHeader header) {
        if (!header.metadata().hasBodyMass() && InsoleGaitAnalyzer.needsBodyMass(header.channels())) {
            throw new UnknownBodyMassException(header.source());
        }
        super.start(header);
    }
}
