package org.soleus.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.events.GaitEvent;
import org.soleus.io.SampleData;
import org.soleus.io.format.GaitpdbReader;

/**
 * A gaitpdb walk with single samples missing (every other sample over 0.16 s, as a wireless
 * link drops them), bridged by interpolation before detection: in the first second, while the
 * detector learns the signal's levels from a foot still loaded at the start, and mid-walk. No
 * event appears, disappears or moves.
 */
final class GaitpdbRobustnessTest {
    private static final Path WALK = SampleData.of("physionet-gaitpdb", "GaCo01_01.txt");

    @ParameterizedTest(name = "samples missing from {0}")
    @CsvSource({"40", "3000"})
    void singleMissingSamplesMoveNoEvent(int fromSample) throws IOException {
        GaitAnalysis published = analyse(AlteredRecordings.Alteration.NONE);
        GaitAnalysis dropped = analyse((channel, i, value, range) ->
                i >= fromSample && i < fromSample + 16 && (i - fromSample) % 2 == 0 ? Double.NaN : value);

        List<GaitEvent> expected = published.events();
        assertEquals(expected, dropped.events(), "samples missing from " + fromSample);
        assertEquals(published.strides().size(), dropped.strides().size());
    }

    private static GaitAnalysis analyse(AlteredRecordings.Alteration alteration) throws IOException {
        return InsoleGaitAnalyzer.analyze(AlteredRecordings.read(new GaitpdbReader(), WALK, alteration, null),
                GaitSettings.defaults());
    }
}
