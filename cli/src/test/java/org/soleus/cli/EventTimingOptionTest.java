package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --event-timing}: a Moticon export is timed as its vendor's markers are unless the
 * option says otherwise, and {@code summary.json} says which timing was used and where it came
 * from.
 */
final class EventTimingOptionTest {
    private static final Path MOTICON = Path.of("..", "sample-data", "moticon-opengo", "230927_102114.txt");
    private static final Path GAITPDB = Path.of("..", "sample-data", "physionet-gaitpdb", "GaCo01_01.txt");

    @TempDir
    Path dir;

    @Test
    void aMoticonExportIsTimedAtTheLoadLevelsUnlessTheOptionSaysOtherwise() throws IOException {
        Path own = dir.resolve("own");
        Path baseline = dir.resolve("baseline");
        assertEquals(0, Cli.run("analyze", MOTICON.toString(), "--mass", "70", "--out", own.toString()).exitCode());
        Cli.Result r = Cli.run("analyze", MOTICON.toString(), "--mass", "70", "--event-timing", "baseline", "--out",
                baseline.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTiming(own, "load-levels", "file");
        assertTiming(baseline, "baseline", "flag");
        List<String> levels = Files.readAllLines(own.resolve("events.csv"));
        List<String> knees = Files.readAllLines(baseline.resolve("events.csv"));
        assertEquals(levels.size(), knees.size(), "the same contacts");
        assertTrue(!levels.equals(knees), "timed otherwise");
    }

    @Test
    void aRecordingThatNamesNoTimingIsTimedAtTheBaselineUnlessTheOptionSaysOtherwise() throws IOException {
        Path own = dir.resolve("own");
        Path levels = dir.resolve("levels");
        assertEquals(0, Cli.run("analyze", GAITPDB.toString(), "--mass", "70", "--out", own.toString()).exitCode());
        assertEquals(0, Cli.run("analyze", GAITPDB.toString(), "--mass", "70", "--event-timing", "load-levels",
                "--out", levels.toString()).exitCode());
        assertTiming(own, "baseline", "none");
        assertTiming(levels, "load-levels", "flag");
    }

    @Test
    void anUnknownTimingIsAUsageError() {
        Cli.Result r = Cli.run("analyze", MOTICON.toString(), "--event-timing", "vendor", "--out",
                dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertEquals("soleus: --event-timing: expected baseline or load-levels, got 'vendor' (see 'soleus analyze"
                + " --help')\n", r.err());
    }

    private static void assertTiming(Path out, String timing, String source) throws IOException {
        JsonNode json = Cli.summary(out);
        assertEquals(timing, json.at("/settings/event_timing").asText(), out.toString());
        assertEquals(source, json.at("/settings/event_timing_source").asText(), out.toString());
    }
}
