package org.soleus.cli;

import picocli.CommandLine.ITypeConverter;

/**
 * Parses {@code --rate HZ} for every command that takes it: a number of Hz, so that text or
 * {@code NaN} is a usage error naming the option (exit 2) before anything is read or opened.
 * The range is checked where the rate is used (the read options, the stream decoder).
 */
final class SampleRateConverter implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        return NumberOptions.parse(value, "a sample rate in Hz");
    }
}
