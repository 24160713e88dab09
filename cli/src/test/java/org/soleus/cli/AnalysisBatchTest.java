package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class AnalysisBatchTest {
    private static final Path WALK = Path.of("data", "walk.csv");

    @Test
    void aSingleInputStoppedWhileAnalysedIsNotWritten() {
        assertEquals("soleus: stopped by Ctrl-C (SIGINT) while analysing " + WALK + ": its results were not written"
                + " (any earlier ones in its folder are as they were)", AnalysisBatch.stoppedLine(130, WALK, 0, 0, 1));
    }

    @Test
    void aSingleInputStoppedAfterItsAnalysisIsWritten() {
        assertEquals("soleus: stopped by SIGTERM after the analysis: its results were written",
                AnalysisBatch.stoppedLine(143, null, 1, 0, 1));
    }

    @Test
    void severalInputsStoppedBetweenTwoCountWhatWasDoneAndWhatWasNot() {
        assertEquals("soleus: stopped by Ctrl-C (SIGINT): 1 of 4 recordings were done (above), 3 were not analysed",
                AnalysisBatch.stoppedLine(130, null, 1, 0, 4));
        assertEquals("soleus: stopped by Ctrl-C (SIGINT): 3 of 3 recordings were done (above)",
                AnalysisBatch.stoppedLine(130, null, 3, 0, 3));
    }

    @Test
    void severalInputsStoppedWhileOneIsAnalysedCountTheFailedToo() {
        assertEquals("soleus: stopped by SIGTERM while analysing " + WALK + ": its results were not written (any"
                        + " earlier ones in its folder are as they were); 2 of 5 recordings were done (above; 1 of them"
                        + " failed), 2 were not analysed", AnalysisBatch.stoppedLine(143, WALK, 2, 1, 5));
        assertEquals("soleus: stopped by SIGTERM while analysing " + WALK + ": its results were not written (any"
                        + " earlier ones in its folder are as they were); 1 of 3 recordings were done (above), 1 was not"
                        + " analysed", AnalysisBatch.stoppedLine(143, WALK, 1, 0, 3));
    }
}
