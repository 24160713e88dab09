package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Recording;

final class RecordingsDispatchTest {

    @Test
    void readsAWfdbRecordThroughTheFacade() throws IOException {
        Path hea = GaitnddSampleData.header("control1");
        assertEquals(RecordingFormat.WFDB, FormatDetector.detect(hea));
        Recording r = Recordings.read(hea, ReadOptions.DEFAULTS);
        assertEquals(300.0, r.sampleRateHz());
        assertEquals(90_000, r.length());
        assertEquals(95.0, r.metadata().bodyMassKg());
    }
}
