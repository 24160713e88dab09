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
            throw new TypeConversionException("expected " + expected + ", got '" + value + "'" + commaHint(value));
        }
        return parsed;
    }

    /** For a number written with a decimal comma ({@code 72,5}), how to write it; otherwise empty. */
    private static String commaHint(String value) {
        String pointed = value.strip().replace(',', '.');
        if (value.indexOf(',') < 0 || pointed.indexOf('.') != pointed.lastIndexOf('.')) {
            return "";
        }
        try {
            Double.parseDouble(pointed);
            return " (with a decimal point: " + pointed + ")";
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
