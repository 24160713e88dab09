package org.soleus.cli;

import picocli.CommandLine.ITypeConverter;

/** A length option's value in metres: a number, not text or {@code NaN} (which would leave the file's value in use without a word). */
final class MetresConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        return NumberOptions.parse(value, "a length in metres");
    }
}
