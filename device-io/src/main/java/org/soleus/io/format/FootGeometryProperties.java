package org.soleus.io.format;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/**
 * Checks the foot dimensions a recording file states ({@value FootGeometry#INSOLE_LENGTH_PROPERTY},
 * {@value FootGeometry#HEEL_TO_ANKLE_PROPERTY}) when it is read, so that a value the analysis
 * could not use (a length in millimetres, a heel-to-ankle distance of half the insole or more) is
 * an error at its line rather than silently replaced by the default; an insole layout's
 * {@code layout.<side>.length_m} that is no insole's, which the analysis leaves out, gets a
 * warning. A value the user gives
 * for every file (the command line's {@code --insole-length}, {@code --heel-to-ankle}) or for
 * this file (a row of a table of subjects) replaces the file's: the file's is then not checked
 * against the other part, and one that could not be used is a warning naming what gave the value.
 * Stateless.
 */
final class FootGeometryProperties {
    /** Where a property's value stands in the file. */
    record Position(long line, int column) {
    }

    /** The command line's flag for each property a user may give for every file. */
    private static final Map<String, String> FLAGS = Map.of(FootGeometry.INSOLE_LENGTH_PROPERTY, "--insole-length",
            FootGeometry.HEEL_TO_ANKLE_PROPERTY, "--heel-to-ankle");

    private static final String INSOLE_LENGTH_EXPECTED = "expected the insole length in metres, 0.10–0.40 (a 27 cm"
            + " insole is 0.27), got '";

    private FootGeometryProperties() {
    }

    /**
     * @param path      the file, for the message
     * @param metadata  the metadata read
     * @param positions line and column of each property's value, by key
     * @param options   the values the user gives, by key ({@link ReadOptions#givenProperties}), and
     *                  what gives them
     * @param footFlags whether the command has {@code --insole-length} and {@code --heel-to-ankle},
     *                  which an error then names as the way round a value it cannot use
     * @param warnings  receives a warning for each given key whose file value could not be used
     * @param checks    receives a warning for each layout length that is no insole's, which comes
     *                  of the metadata alone (the same list as {@code warnings} for a file)
     * @throws DataFormatException naming the line of the first value that cannot be used
     */
    static void check(Path path, RecordingMetadata metadata, Map<String, Position> positions, ReadOptions options,
                      boolean footFlags, List<String> warnings, List<String> checks) throws DataFormatException {
        Map<String, Double> given = options.givenProperties();
        Map<String, String> properties = metadata.properties();
        String length = properties.get(FootGeometry.INSOLE_LENGTH_PROPERTY);
        if (length != null && !insoleLength(metres(length))) {
            report(path, positions, FootGeometry.INSOLE_LENGTH_PROPERTY, INSOLE_LENGTH_EXPECTED + length + "'", options,
                    footFlags, warnings);
        }
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            InsoleLayout layout = metadata.layout(side);
            if (layout != null && !Double.isNaN(layout.lengthM()) && !insoleLength(layout.lengthM())) {
                // a warning, not an error: a device's descriptor gives it too, and live has no --insole-length
                String key = "layout." + side.label() + ".length_m";
                String stated = BigDecimal.valueOf(layout.lengthM()).stripTrailingZeros().toPlainString();
                checks.add(error(path, positions, key, INSOLE_LENGTH_EXPECTED + stated + "'; not used (the insole"
                        + " length comes from --insole-length, insole_length_m or insole_size, else the default "
                        + FootGeometry.DEFAULT_INSOLE_LENGTH_M + " m)").getMessage());
            }
        }
        String heelToAnkle = properties.get(FootGeometry.HEEL_TO_ANKLE_PROPERTY);
        if (heelToAnkle == null) {
            return;
        }
        double heelToAnkleM = metres(heelToAnkle);
        if (!(heelToAnkleM >= 0 && heelToAnkleM < 0.2)) {
            report(path, positions, FootGeometry.HEEL_TO_ANKLE_PROPERTY, "expected the distance from the back of"
                    + " the heel to the ankle joint centre in metres, at least 0 and less than 0.2 (typically about 0.055), got '"
                    + heelToAnkle + "'", options, footFlags, warnings);
            return;
        }
        if (given.containsKey(FootGeometry.INSOLE_LENGTH_PROPERTY)
                || given.containsKey(FootGeometry.HEEL_TO_ANKLE_PROPERTY)) {
            return;
        }
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double stated = FootGeometry.statedInsoleLengthM(metadata, side);
            double lengthM = Double.isNaN(stated) ? FootGeometry.DEFAULT_INSOLE_LENGTH_M : stated;
            if (heelToAnkleM >= lengthM / 2) {
                throw error(path, positions, FootGeometry.HEEL_TO_ANKLE_PROPERTY, String.format(Locale.ROOT,
                        "expected less than half the %s insole's length (%s %.3f m), got %s m", side.label(),
                        Double.isNaN(stated) ? "the default" : "stated", lengthM, heelToAnkle)
                        + (footFlags ? " (correct them, or give --heel-to-ankle M or --insole-length M)" : ""));
            }
        }
    }

    /**
     * Throws the error of {@code key}'s value, naming the flag that gives it instead where the
     * command has one ({@code footFlags}), as an unusable rate or mass does
     * ({@link ReaderSupport#unusable}); or adds it as a warning when the user gives that value.
     */
    private static void report(Path path, Map<String, Position> positions, String key, String expected,
                               ReadOptions options, boolean footFlags, List<String> warnings) throws DataFormatException {
        Double given = options.givenProperties().get(key);
        if (given == null) {
            throw error(path, positions, key, expected + (footFlags ? " (correct it, or give " + FLAGS.get(key) + " M)" : ""));
        }
        warnings.add(error(path, positions, key, expected).getMessage() + "; not used: "
                + options.propertyGivenBy(key, FLAGS.get(key)) + " " + given + " m is given");
    }

    /** Whether {@code metres} is an insole's length, 0.10–0.40 m. */
    private static boolean insoleLength(double metres) {
        return metres >= 0.10 && metres <= 0.40;
    }

    private static double metres(String text) {
        return ReaderSupport.parseDoubleOrNaN(text.trim());
    }

    private static DataFormatException error(Path path, Map<String, Position> positions, String key, String expected) {
        Position at = positions.get(key);
        return at == null ? new DataFormatException(path, 0, 0, key + ": " + expected)
                : new DataFormatException(path, at.line(), at.column(), key + ": " + expected);
    }
}
