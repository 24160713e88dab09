package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

final class MetadataLinesTest {

    @Test
    void aHeaderSurvivesTheTripThroughKeyValueLines() throws DataFormatException {
        Map<Side, InsoleLayout> layouts = new EnumMap<>(Side.class);
        layouts.put(Side.LEFT, new InsoleLayout("m", 0.27, List.of(new InsoleCell("cell01", 0.03, 0.02, 1e-4),
                new InsoleCell("cell02", -0.01, 0.2, Double.NaN))));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("subject", " S01 with: a colon\nand a line ");
        properties.put("device", "soleus_insole 1.0");
        List<ChannelName> channels = List.of(ChannelName.parse("left.insole.cell01_n"), ChannelName.parse("left.insole.cell02_n"));
        RecordingHeader header = new RecordingHeader("/dev/ttyACM0", 204.8, 1.25, channels,
                new RecordingMetadata(71.5, layouts, properties));
        Map<String, String> lines = MetadataLines.of(header);
        assertEquals("1.25", lines.get("start_time_s"));
        RecordingHeader back = MetadataLines.header("/dev/ttyACM0", 204.8, channels, lines, Double.NaN, new ArrayList<>(),
                new ArrayList<>());
        assertEquals(header, back);
    }

    @Test
    void namesTheSourceAndKeyOfAMalformedValue() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> MetadataLines.header("/dev/ttyUSB0", 100,
                List.of(ChannelName.parse("left.insole.force_n")), Map.of("body_mass_kg", "heavy"), Double.NaN,
                new ArrayList<>(), new ArrayList<>()));
        assertEquals(true, e.getMessage().startsWith("/dev/ttyUSB0: body_mass_kg"),
                "no line or column, which a stream's entries do not have: " + e.getMessage());
    }

    /**
     * A stream's unusable foot dimension is an error that names no flag: {@code live} and
     * {@code record} have no {@code --insole-length} or {@code --heel-to-ankle}, which a file's
     * error names ({@code FootGeometryPropertiesTest}).
     */
    @Test
    void aStreamsUnusableFootDimensionNamesNoFlag() {
        List<ChannelName> channels = List.of(ChannelName.parse("left.insole.force_n"));
        DataFormatException length = assertThrows(DataFormatException.class, () -> MetadataLines.header("/dev/ttyUSB0",
                100, channels, Map.of("insole_length_m", "270"), Double.NaN, new ArrayList<>(), new ArrayList<>()));
        assertEquals("/dev/ttyUSB0: insole_length_m: expected the insole length in metres, 0.10–0.40 (a 27 cm insole is"
                + " 0.27), got '270'", length.getMessage());
        DataFormatException half = assertThrows(DataFormatException.class, () -> MetadataLines.header("/dev/ttyUSB0",
                100, channels, Map.of("heel_to_ankle_m", "0.14"), Double.NaN, new ArrayList<>(), new ArrayList<>()));
        assertEquals("/dev/ttyUSB0: heel_to_ankle_m: expected less than half the left insole's length (the default 0.270"
                + " m), got 0.14 m", half.getMessage());
    }

    /**
     * A body mass the user gives ({@code live --mass}) wins over the stream's, and makes an
     * unusable one no error; a warning says so either way.
     */
    @Test
    void aGivenBodyMassWinsOverTheStreams() throws DataFormatException {
        List<ChannelName> channels = List.of(ChannelName.parse("left.insole.force_n"));
        List<String> warnings = new ArrayList<>();
        assertEquals(72, MetadataLines.header("/dev/ttyUSB0", 100, channels, Map.of("body_mass_kg", "heavy"), 72, warnings,
                new ArrayList<>())
                .metadata().bodyMassKg());
        assertEquals(List.of("/dev/ttyUSB0: body_mass_kg: expected a number, found 'heavy'; not used: --mass 72.0 kg"
                + " is given"), warnings);
        warnings.clear();
        assertEquals(72, MetadataLines.header("/dev/ttyUSB0", 100, channels, Map.of("body_mass_kg", "70"), 72, warnings,
                new ArrayList<>())
                .metadata().bodyMassKg());
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(List.of("/dev/ttyUSB0: --mass 72.0 kg overrides the stream's body mass of 70.0 kg"), warnings);
        warnings.clear();
        assertEquals(70, MetadataLines.header("/dev/ttyUSB0", 100, channels, Map.of("body_mass_kg", "70"), Double.NaN,
                warnings, new ArrayList<>()).metadata().bodyMassKg());
        assertEquals(List.of(), warnings);
    }
}
