package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.Stride;
import org.soleus.core.monitor.LoadSpikeVerdict;
import org.soleus.core.monitor.LoadSpikeStream;
import org.soleus.core.monitor.LoadSpikes;
import org.soleus.core.recording.Recording;
import org.soleus.io.SampleData;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.Recordings;

/**
 * The load spikes of {@code soleus live} and of {@code soleus analyze} on shipped walks: the live
 * analysis fed sample by sample, each stride handed to a {@link LoadSpikeStream} as it is reported,
 * flags exactly the strides that {@link LoadSpikes} flags in the batch analysis' strides (and as
 * many as these walks have: the synthetic session's one is its planted spike, left stride 6;
 * GaCo01_01's one is its left stride at 100.45 s, whose loading rate is 44 % above the recent median).
 */
final class LoadSpikeAgreementTest {

    @ParameterizedTest
    @CsvSource({"physionet-gaitpdb/GaCo01_01.txt, 1", "synthetic/synthetic-session.csv, 1"})
    void theStreamFlagsWhatTheBatchDriverFlags(String file, int spikes) throws IOException {
        Recording recording = Recordings.read(SampleData.dir().resolve(file), new ReadOptions(null, Double.NaN, 70.0));
        GaitAnalysis batch = InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults());
        boolean[] flags = LoadSpikes.flags(batch.strides());

        List<StrideResult> reported = new ArrayList<>();
        LiveAnalysisAgreementTest.live(recording, reported);
        LoadSpikeStream stream = new LoadSpikeStream();
        Map<Stride, LoadSpikeVerdict> live = new HashMap<>();
        for (StrideResult r : reported) {
            live.put(r.stride(), stream.accept(r));
        }

        assertEquals(batch.strides().size(), live.size(), file);
        int flagged = 0;
        for (int i = 0; i < flags.length; i++) {
            Stride stride = batch.strides().get(i).stride();
            LoadSpikeVerdict verdict = live.get(stride);
            assertNotNull(verdict, file + ": the live analysis reported no " + stride);
            assertEquals(flags[i], verdict.spike(), file + " " + stride + ": " + verdict);
            flagged += flags[i] ? 1 : 0;
        }
        assertEquals(spikes, flagged, file);
    }
}
