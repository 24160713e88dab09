package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A parsed single-segment WFDB header ({@code .hea}).
 *
 * @param file              the header file
 * @param recordName        record name from the record line
 * @param sampleRateHz      sampling frequency per signal (the WFDB default 250 Hz when absent),
 *                          as written: the reader judges whether it is a rate it takes
 * @param rateColumn        1-based column of the sampling frequency on line {@code recordLine},
 *                          or 0 when absent
 * @param rateText          the sampling frequency field as written (with any counter frequency),
 *                          or null when absent
 * @param sampleCount       samples per signal, or 0 when the header leaves it unknown
 * @param sampleCountColumn 1-based column of the sample count, or 0 when absent
 * @param recordLine        1-based line of the record line
 * @param baseTime          base time as written, or null
 * @param baseDate          base date as written, or null
 * @param comments          text of the comment lines ({@code #} removed), in file order
 * @param signals           one specification per signal, in frame order
 */
record WfdbHeader(Path file, String recordName, double sampleRateHz, int rateColumn, String rateText, long sampleCount,
                  int sampleCountColumn, int recordLine, String baseTime, String baseDate,
                  List<String> comments, List<WfdbSignalSpec> signals) {
    WfdbHeader {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(recordName, "recordName");
        if (Double.isNaN(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate must be a number of Hz, got NaN");
        }
        if (sampleCount < 0 || sampleCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sample count must be in [0, 2^31-1], got " + sampleCount);
        }
        comments = List.copyOf(comments);
        signals = List.copyOf(signals);
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("a header needs at least one signal");
        }
    }

    /** Whether the header states the number of samples per signal. */
    boolean knowsSampleCount() {
        return sampleCount > 0;
    }
}
