package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * Foot dimensions that a toolkit CSV states: used when they can be, an error at their line when
 * not, unless the user gives the value for every file.
 */
final class FootGeometryPropertiesTest {
    @TempDir
    Path dir;

    private Path csv(String metadata) throws IOException {
        Path p = dir.resolve("walk.csv");
        Files.writeString(p, "# format: soleus-csv 1\n# sample_rate_hz: 100\n" + metadata
                + "left.insole.force_n\n1\n2\n", StandardCharsets.UTF_8);
        return p;
    }

    private String error(String metadata) throws IOException {
        Path p = csv(metadata);
        return assertThrows(DataFormatException.class, () -> Recordings.read(p, ReadOptions.DEFAULTS)).getMessage();
    }

    @Test
    void statedDimensionsAreUsed() throws IOException {
        Recording r = Recordings.read(csv("# insole_length_m: 0.25\n# heel_to_ankle_m: 0.05\n"), ReadOptions.DEFAULTS);
        assertEquals(new FootGeometry(0.25, 0.05), FootGeometry.from(r.metadata(), Side.LEFT));
    }

    @Test
    void aLengthInMillimetresIsAnErrorAtItsLine() throws IOException {
        Path p = dir.resolve("walk.csv");
        assertEquals(p + ":3:20: insole_length_m: expected the insole length in metres, 0.10–0.40 (a 27 cm insole is"
                + " 0.27), got '270' (correct it, or give --insole-length M)", error("# insole_length_m: 270\n"));
        assertEquals(p + ":4:20: heel_to_ankle_m: expected the distance from the back of the heel to the ankle joint"
                + " centre in metres, at least 0 and less than 0.2 (typically about 0.055), got '55' (correct it, or give"
                + " --heel-to-ankle M)", error("# insole_length_m: 0.27\n# heel_to_ankle_m: 55\n"));
        assertEquals(p + ":3:20: insole_length_m: expected the insole length in metres, 0.10–0.40 (a 27 cm insole is"
                + " 0.27), got 'long' (correct it, or give --insole-length M)", error("# insole_length_m: long\n"));
    }

    @Test
    void aHeelToAnkleDistanceOfHalfTheInsoleIsAnError() throws IOException {
        Path p = dir.resolve("walk.csv");
        String hint = " (correct them, or give --heel-to-ankle M or --insole-length M)";
        assertEquals(p + ":4:20: heel_to_ankle_m: expected less than half the left insole's length (stated 0.200 m),"
                + " got 0.15 m" + hint, error("# insole_length_m: 0.2\n# heel_to_ankle_m: 0.15\n"));
        assertEquals(p + ":3:20: heel_to_ankle_m: expected less than half the left insole's length (the default 0.270"
                + " m), got 0.14 m" + hint, error("# heel_to_ankle_m: 0.14\n"));
    }

    /**
     * A value the user gives ({@code --insole-length}, {@code --heel-to-ankle}) replaces the
     * file's: an unusable one is a warning at its line, and the file's other part is no longer
     * checked against it.
     */
    @Test
    void aGivenValueTurnsTheFilesUnusableOneIntoAWarning() throws IOException {
        Path p = csv("# insole_length_m: 270\n# heel_to_ankle_m: 0.15\n");
        ReadOptions lengthGiven = new ReadOptions(null, Double.NaN, Double.NaN,
                Map.of(FootGeometry.INSOLE_LENGTH_PROPERTY, 0.26));
        Recording r = Recordings.read(p, lengthGiven);
        assertEquals(List.of(p + ":3:20: insole_length_m: expected the insole length in metres, 0.10–0.40 (a 27 cm"
                + " insole is 0.27), got '270'; not used: --insole-length 0.26 m is given"), r.warnings());

        Path bothBad = csv("# insole_length_m: 270\n# heel_to_ankle_m: 55\n");
        String error = assertThrows(DataFormatException.class, () -> Recordings.read(bothBad, lengthGiven)).getMessage();
        assertTrue(error.startsWith(bothBad + ":4:20: heel_to_ankle_m: expected the distance"), error);
        Recording both = Recordings.read(bothBad, new ReadOptions(null, Double.NaN, Double.NaN,
                Map.of(FootGeometry.INSOLE_LENGTH_PROPERTY, 0.26, FootGeometry.HEEL_TO_ANKLE_PROPERTY, 0.05)));
        assertEquals(List.of(bothBad + ":3:20: insole_length_m: expected the insole length in metres, 0.10–0.40 (a 27 cm"
                + " insole is 0.27), got '270'; not used: --insole-length 0.26 m is given", bothBad + ":4:20: heel_to_ankle_m:"
                + " expected the distance from the back of the heel to the ankle joint centre in metres, at least 0 and less than 0.2 (typically"
                + " about 0.055), got '55'; not used: --heel-to-ankle 0.05 m is given"), both.warnings());
    }
}
