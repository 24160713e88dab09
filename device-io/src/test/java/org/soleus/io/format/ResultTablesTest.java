package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.io.SampleData;
import org.soleus.io.output.EventsCsv;
import org.soleus.io.output.ExercisesCsv;
import org.soleus.io.output.StridesCsv;

/** The tables of results {@link CompanionFiles} knows by their header rows, and the files it does not take for them. */
final class ResultTablesTest {
    @TempDir
    Path dir;

    private Optional<String> what(String name, String content) throws IOException {
        Path p = Files.writeString(dir.resolve(name), content);
        return CompanionFiles.identify(p, FileHead.read(p)).map(CompanionFiles.Companion::what);
    }

    /** The writers' headers start as the list of result headers says: a change to one must reach the other. */
    @Test
    void theWritersHeadersAreAmongTheKnownResultHeaders() throws IOException {
        for (String header : List.of(EventsCsv.HEADER, StridesCsv.HEADER, ExercisesCsv.HEADER)) {
            assertTrue(CompanionFiles.RESULT_HEADERS.stream().anyMatch(start -> header.startsWith(start + ",")), header);
            assertEquals(Optional.of(CompanionFiles.RESULT_TABLE), what("results.csv", header + "\nleft,1,2\n"), header);
        }
        assertEquals(Optional.of(CompanionFiles.RESULT_TABLE), what("series.csv",
                "time_s,left.knee.flexion_deg,left.soleus.dominant,left.soleus.share\n0,1,0,0.5\n"));
        assertEquals(Optional.of(CompanionFiles.JSON), what("summary.json", "{\n  \"software\": {}\n}\n"));
        for (String reference : new String[] {"stride_borders_sample.csv", "stride_events_sample.csv"}) {
            Path shipped = SampleData.of("gaitmap-example").resolve(reference);
            assertEquals(Optional.of(CompanionFiles.RESULT_TABLE), CompanionFiles.identify(shipped, FileHead.read(shipped))
                    .map(CompanionFiles.Companion::what), "gaitmap's reference " + reference);
        }
    }

    /** A user's own table that starts with a side, a recording, or JSON text under another name is not a result. */
    @Test
    void otherTablesAreNotTakenForResults() throws IOException {
        assertEquals(Optional.empty(), what("mine.csv", "side,time_s,force\nleft,0,1\n"));
        assertEquals(Optional.empty(), what("walk.csv", "time_s,left.insole.force_n\n0,1\n"));
        assertEquals(Optional.empty(), what("notes.txt", "{ not a recording }\n"));
    }
}
