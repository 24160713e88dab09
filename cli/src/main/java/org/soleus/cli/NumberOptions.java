package org.soleus.cli;

import picocli.CommandLine.TypeConversionException;

/** Parsing of the numeric options' values, for their converters. */
final class NumberOptions {
    private NumberOptions() {
    }

    /**
     * {@code value} as a number; text or {@code NaN} is a conversion error saying what was
     * expected, e.g. {@code expected a body mass in kg, got 'abc'}.
     */
    static double parse(String value, String expected) {
        double parsed;
        try {
            parsed = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (Double.isNaN(parsed)) {
            throw new TypeConversionException("expected " + expected + ", got '" + value + "'");
        }
        return parsed;
    }
}
