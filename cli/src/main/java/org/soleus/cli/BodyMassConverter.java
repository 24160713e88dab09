package org.soleus.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --mass KG} for every command that takes it: a body mass in kg within
 * (0, 500), the range a recording's metadata accepts, so that a wrong value is a usage error
 * naming the option (exit 2) before anything is read or opened.
 */
final class BodyMassConverter implements ITypeConverter<Double> {
    /** Upper bound of a body mass, kg (exclusive), as in the recording model. */
    private static final double MAX_KG = 500;

    @Override
    public Double convert(String value) {
        double kg = NumberOptions.parse(value, "a body mass in kg");
        if (!(kg > 0 && kg < MAX_KG)) {
            throw new TypeConversionException("expected a body mass in kg within (0, " + (int) MAX_KG + "), got '"
                    + value + "'");
        }
        return kg;
    }
}
