package org.soleus.cli;

import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.gait.StrideLimits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --stride-range MIN,MAX} and {@code --stance-range MIN,MAX}: the limits a valid stride
 * keeps to ({@link StrideLimits}), for gaits the defaults do not cover (running strides of
 * 0.5–0.8 s with stance 20–40 %, or very slow walking with strides over 3 s). Each option
 * changes only its own pair.
 */
final class StrideLimitOptions {
    /** A shortest stride this long or longer is a value in the wrong unit (milliseconds), s. */
    private static final double MAX_PLAUSIBLE_STRIDE_S = 10;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--stride-range", paramLabel = "MIN,MAX", converter = RangeConverter.class,
            description = "Valid stride duration in s (default 0.6,3.0; running strides last about 0.5-0.8 s).")
    Range strideS;

    @Option(names = "--stance-range", paramLabel = "MIN,MAX", converter = RangeConverter.class,
            description = "Valid stance share of the stride in %% (default 30,80; running has 20-40 %%).")
    Range stancePct;

    /**
     * {@code settings} with the limits given, the others as they were.
     *
     * @throws ParameterException naming the option when the limits contradict each other
     */
    GaitSettings apply(GaitSettings settings) {
        StrideLimits old = settings.strideLimits();
        Range stride = strideS != null ? strideS : Range.of(old.minStrideS(), old.maxStrideS());
        Range stance = stancePct != null ? stancePct : Range.of(old.minStancePct(), old.maxStancePct());
        if (!(stride.min() > 0)) {
            throw new ParameterException(spec.commandLine(), "--stride-range: expected a shortest stride above 0 s, got '"
                    + stride.text() + "'");
        }
        if (stride.min() >= MAX_PLAUSIBLE_STRIDE_S) {
            throw new ParameterException(spec.commandLine(), "--stride-range: expected seconds, got '" + stride.text()
                    + "' (milliseconds? a walking stride lasts about 1 s)");
        }
        if (!(stance.min() >= 0 && stance.max() <= 100)) {
            throw new ParameterException(spec.commandLine(), "--stance-range: expected shares within 0-100 %, got '"
                    + stance.text() + "'");
        }
        if (stance.max() <= 1) {
            throw new ParameterException(spec.commandLine(), "--stance-range: expected percent, got '" + stance.text()
                    + "' (fractions? walking has a stance of about 60 %)");
        }
        return settings.withStrideLimits(new StrideLimits(stride.min(), stride.max(), stance.min(), stance.max()));
    }

    /** A finite range, {@code min < max}, and the option's value it was given as. */
    record Range(double min, double max, String text) {
        /** A range not given as an option's value (a default), its text {@code min,max}. */
        static Range of(double min, double max) {
            return new Range(min, max, min + "," + max);
        }
    }

    /** Parses {@code MIN,MAX}: two numbers, the first below the second. */
    static final class RangeConverter implements ITypeConverter<Range> {
        @Override
        public Range convert(String value) {
            String[] parts = value.split(",", -1);
            if (parts.length != 2) {
                throw new TypeConversionException("expected MIN,MAX (two numbers and a comma), got '" + value + "'");
            }
            double min = NumberOptions.parse(parts[0], "a number before the comma");
            double max = NumberOptions.parse(parts[1], "a number after the comma");
            if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
                throw new TypeConversionException("expected MIN below MAX, got '" + value + "'");
            }
            return new Range(min, max, value);
        }
    }
}
