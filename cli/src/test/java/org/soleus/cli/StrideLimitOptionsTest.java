package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --stride-range} and {@code --stance-range}: gaits the default stride limits reject, such as running. */
final class StrideLimitOptionsTest {
    @TempDir
    Path dir;

    /** 20 s of running-like steps for a 70 kg runner. */
    private Path running() throws IOException {
        return RunningSteps.write(dir.resolve("run.csv"), 2000, "# body_mass_kg: 70\n");
    }

    @Test
    void runningStridesAreRejectedByDefaultAndKeptWithWiderLimits() throws IOException {
        Path run = running();
        Cli.Result walking = Cli.run("analyze", run.toString(), "--out", dir.resolve("walking").toString());
        assertEquals(0, walking.exitCode(), walking.err());
        assertTrue(walking.err().contains("no strides: all") && walking.err().strip().endsWith("of it (rejected_strides"
                + " in summary.json); --stride-range MIN,MAX and --stance-range MIN,MAX set the limits"), walking.err());

        Path out = dir.resolve("running");
        Cli.Result r = Cli.run("analyze", run.toString(), "--stride-range", "0.4,1.5", "--stance-range", "20,80",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = Cli.summary(out);
        assertTrue(json.at("/sides/left/stride_count").asInt() >= 35, json.at("/sides/left").toString());
        assertEquals(0.5, json.at("/sides/left/mean_stride_s").asDouble(), 0.01);
        assertEquals(0.4, json.at("/settings/stride_limits/min_stride_s").asDouble());
        assertEquals(1.5, json.at("/settings/stride_limits/max_stride_s").asDouble());
        assertEquals(20.0, json.at("/settings/stride_limits/min_stance_pct").asDouble());
        assertEquals(80.0, json.at("/settings/stride_limits/max_stance_pct").asDouble());
    }

    @Test
    void limitsThatCannotHoldAreUsageErrors() throws IOException {
        Path run = running();
        String[][] cases = {
            {"--stride-range", "2,1", "soleus: --stride-range: expected MIN below MAX, got '2,1'"},
            {"--stride-range", "0.5", "soleus: --stride-range: expected MIN,MAX (two numbers and a comma), got '0.5'"},
            {"--stride-range", "0,1", "soleus: --stride-range: expected a shortest stride above 0 s, got '0,1'"},
            {"--stance-range", "10,120", "soleus: --stance-range: expected shares within 0-100 %, got '10,120'"},
            {"--stance-range", "a,50", "soleus: --stance-range: expected a number before the comma, got 'a'"},
            {"--stride-range", "400,1000", "soleus: --stride-range: expected seconds, got '400,1000' (milliseconds? a"
                + " walking stride lasts about 1 s)"},
            {"--stance-range", "0.2,0.4", "soleus: --stance-range: expected percent, got '0.2,0.4' (fractions? walking has a"
                + " stance of about 60 %)"},
        };
        for (String[] c : cases) {
            Cli.Result r = Cli.run("analyze", run.toString(), c[0], c[1], "--out", dir.resolve("bad").toString());
            assertEquals(2, r.exitCode(), c[1]);
            assertEquals(c[2] + " (see 'soleus analyze --help')\n", r.err(), c[1]);
        }
    }
}
