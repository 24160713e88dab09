package org.soleus.cli;

import org.soleus.core.recording.BodyMass;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --mass KG} for every command that takes it: a body mass of {@link BodyMass#RANGE},
 * the range a recording's metadata accepts, so that a wrong value is a usage error naming the
 * option (exit 2) before anything is read or opened.
 */
final class BodyMassConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        double kg = NumberOptions.parse(value, "a body mass in kg");
        if (!BodyMass.accepted(kg)) {
            throw new TypeConversionException("expected a body mass of " + BodyMass.RANGE + ", got '" + value + "'");
        }
        return kg;
    }
}
