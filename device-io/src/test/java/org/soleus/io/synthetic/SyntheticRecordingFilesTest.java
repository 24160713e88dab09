package org.soleus.io.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Recording;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;
import org.soleus.io.format.Recordings;

final class SyntheticRecordingFilesTest {

    @Test
    void filesReadBackAsTheGeneratedSession(@TempDir Path dir) throws IOException {
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Standing(1), new Activity.Walking(4, 110, 1.3, Terrain.LEVEL),
                new Activity.CalfRaises(2, 45, 2, 20, false, 0)), 5));
        Path sensors = SyntheticRecordingFiles.write(synthetic, dir, "session");
        Recording read = Recordings.read(sensors);
        assertEquals(synthetic.sensors().channels(), read.channels());
        assertEquals(70, read.metadata().bodyMassKg(), 0);
        assertEquals("0.2700", read.metadata().properties().get("insole_length_m"));
        Recording truth = Recordings.read(dir.resolve("session.truth.csv"));
        assertEquals(synthetic.truth().channels(), truth.channels());
        List<String> events = Files.readAllLines(dir.resolve("session.events.csv"));
        assertEquals(synthetic.events().size() + 1, events.size());
        assertEquals("side,event,time_s", events.get(0));
        assertEquals(synthetic.strides().size() + 1, Files.readAllLines(dir.resolve("session.strides.csv")).size());
        List<String> reps = Files.readAllLines(dir.resolve("session.reps.csv"));
        assertEquals(3, reps.size());
        assertTrue(reps.get(1).startsWith("0,0,"), reps.get(1));
    }
}
