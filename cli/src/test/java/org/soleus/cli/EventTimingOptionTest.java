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

    /**
     * A recording naming a timing there is not is an error at its line, unless the option gives
     * the timing: then a warning, and the option's timing is used.
     */
    @Test
    void theOptionOverridesAMistypedTimingWithAWarning() throws IOException {
        StringBuilder csv = new StringBuilder("# sample_rate_hz: 100\n# body_mass_kg: 70\n# event_timing: vendor\n"
                + "left.insole.force_n\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(i % 110 < 65 ? 700 : 0).append('\n');
        }
        Path file = Files.writeString(dir.resolve("walk.csv"), csv);
        Cli.Result refused = Cli.run("analyze", file.toString(), "--out", dir.resolve("refused").toString());
        assertEquals(1, refused.exitCode(), refused.err());
        String error = file + ":3:17: event_timing: expected baseline or load-levels, got 'vendor'";
        assertEquals("soleus: " + error + "\n", refused.err());
        Path out = dir.resolve("given");
        Cli.Result r = Cli.run("analyze", file.toString(), "--event-timing", "load-levels", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: warning: " + error + "; not used: --event-timing is given"), r.err());
        assertTiming(out, "load-levels", "flag");
    }

    private static void assertTiming(Path out, String timing, String source) throws IOException {
        JsonNode json = Cli.summary(out);
        assertEquals(timing, json.at("/settings/event_timing").asText(), out.toString());
        assertEquals(source, json.at("/settings/event_timing_source").asText(), out.toString());
    }
}
