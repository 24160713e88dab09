package org.soleus.cli;

import org.soleus.io.format.ReadOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --rate HZ} for every command that takes it: a rate in Hz within the range the
 * readers take ({@link ReadOptions#isSampleRate}), so that text, {@code NaN} or a rate out of
 * range is a usage error naming the option and quoting the value as given (exit 2) before
 * anything is read or opened. A stream's decoder may check its own, narrower range.
 */
final class SampleRateConverter implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        double hz = NumberOptions.parse(value, ReadOptions.SAMPLE_RATES);
        if (!ReadOptions.isSampleRate(hz)) {
            throw new TypeConversionException("expected " + ReadOptions.SAMPLE_RATES + ", got '" + value + "'");
        }
        return hz;
    }
}
