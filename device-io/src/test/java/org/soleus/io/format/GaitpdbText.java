package org.soleus.io.format;

import java.util.Locale;

/**
 * Clean PhysioNet gaitpdb text for tests: rows of a time in seconds (four decimals) and 18
 * tab-separated values, each row ended by CR LF, as the dataset's files are written.
 */
final class GaitpdbText {

    private GaitpdbText() {
    }

    /**
     * One row: {@code timeS}, then the 18 values {@code firstValue}, {@code firstValue + 1}, …
     * written as Java writes a double ({@code 4.0}, {@code 5.0}, …).
     */
    static String row(double timeS, double firstValue) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.4f", timeS));
        for (int c = 0; c < 18; c++) {
            sb.append('\t').append(firstValue + c);
        }
        return sb.append("\r\n").toString();
    }

    /** {@code count} rows at 100 Hz from time 0: row {@code i} is {@code row(i * 0.01, i)}. */
    static String rows(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(row(i * 0.01, i));
        }
        return sb.toString();
    }
}
