package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.io.CollectingSink;

/** A stream's forces in kN, kgf or lbf arrive in newtons, as a file's are read. */
final class StreamForceUnitsTest {

    private static RecordingHeader header(String... names) {
        return new RecordingHeader("/dev/ttyX", 100, 0, Arrays.stream(names).map(ChannelName::parse).toList(),
                RecordingMetadata.EMPTY);
    }

    @Test
    void forcesInOtherUnitsAreScaledAndRenamedWithOneWarning() {
        CollectingSink out = new CollectingSink();
        StreamForceUnits stage = new StreamForceUnits(out);
        stage.start(header("left.insole.force_kgf", "right.foot.gyr_x_dps", "right.insole.force_kn"));
        assertEquals(List.of("left.insole.force_n", "right.foot.gyr_x_dps", "right.insole.force_n"),
                out.header.channels().stream().map(ChannelName::toString).toList());
        stage.accept(new float[] {70, 5, 0.7f});
        stage.accept(new float[] {Float.NaN, 5, 0});
        stage.end(List.of("earlier"));
        assertArrayEquals(new float[] {(float) (70 * 9.80665), 5, (float) (0.7f * 1000.0)}, out.rows.get(0));
        assertArrayEquals(new float[] {Float.NaN, 5, 0}, out.rows.get(1));
        assertEquals(List.of("earlier", "/dev/ttyX: force in kgf and kN converted to newtons while reading"
                + " (1 kgf = 9.80665 N, 1 kN = 1000 N) and the channels renamed to _n: left.insole.force_kgf,"
                + " right.insole.force_kn"), out.warnings);
    }

    @Test
    void aStreamWithoutSuchForcesPassesAsItIs() {
        CollectingSink out = new CollectingSink();
        StreamForceUnits stage = new StreamForceUnits(out);
        RecordingHeader header = header("left.insole.force_n", "left.insole.force2_au");
        stage.start(header);
        assertSame(header, out.header);
        stage.end(List.of());
        assertEquals(List.of(), out.warnings);
    }

    @Test
    void aForceCarriedInNewtonsTooIsRefused() {
        StreamForceUnits stage = new StreamForceUnits(new CollectingSink());
        assertEquals("/dev/ttyX: channel left.insole.force_lbf is left.insole.force_n in newtons, which the stream"
                + " carries already", assertThrows(IllegalArgumentException.class,
                        () -> stage.start(header("left.insole.force_n", "left.insole.force_lbf"))).getMessage());
        StreamForceUnits twice = new StreamForceUnits(new CollectingSink());
        assertEquals("/dev/ttyX: channel left.insole.force_lbf is left.insole.force_n in newtons, as"
                + " left.insole.force_kgf is too", assertThrows(IllegalArgumentException.class,
                        () -> twice.start(header("left.insole.force_kgf", "left.insole.force_lbf"))).getMessage());
    }
}
