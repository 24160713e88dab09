package org.soleus.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.ankle.AchillesMomentArm;
import org.soleus.core.ankle.PlantarFlexionSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --moment-arm constant|angle}: the Achilles tendon moment arm, constant
 * ({@link AchillesMomentArm#DEFAULT}) or depending on the ankle angle from the shank and foot IMUs
 * ({@link AchillesMomentArm#ANGLE_DEPENDENT}).
 */
final class MomentArmOption {

    @Option(names = "--moment-arm", paramLabel = "ARM", defaultValue = "constant", converter = Arm.class,
            completionCandidates = Choices.class,
            description = "Achilles tendon moment arm: constant (37 mm, the default) or angle (37 mm at the "
                    + "standing pose, growing 10%% over the first 20 degrees of plantar flexion, with the ankle "
                    + "angle from the leg's shank and foot IMUs; a leg without them keeps the constant arm).")
    AchillesMomentArm arm;

    /** {@code settings} with this moment arm. */
    LegLoadSettings apply(LegLoadSettings settings) {
        PlantarFlexionSettings pf = settings.plantarFlexion();
        return new LegLoadSettings(new PlantarFlexionSettings(pf.geometry(), arm, pf.thresholdNmPerKg()),
                settings.givenGeometry(), settings.soleus(), settings.calfRaise());
    }

    /** Parses {@code constant} and {@code angle}, in any case (as {@code --format} and {@code --protocol} are). */
    static final class Arm implements ITypeConverter<AchillesMomentArm> {
        @Override
        public AchillesMomentArm convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "constant" -> AchillesMomentArm.DEFAULT;
                case "angle" -> AchillesMomentArm.ANGLE_DEPENDENT;
                default -> throw new TypeConversionException("must be constant or angle, got '" + value + "'");
            };
        }
    }

    /** The values of {@code --moment-arm}. */
    static final class Choices implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("constant", "angle").iterator();
        }
    }
}
