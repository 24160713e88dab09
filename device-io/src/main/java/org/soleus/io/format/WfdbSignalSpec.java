package org.soleus.io.format;

import java.util.Objects;

/**
 * One signal line of a WFDB header, as far as the reader uses it (Moody, WFDB header(5)).
 *
 * @param line           1-based line of the header that describes the signal
 * @param fileName       signal file name, relative to the header's directory
 * @param fileColumn     1-based column of the file name
 * @param format         storage format: 212, 16 or 80
 * @param formatColumn   1-based column of the format field
 * @param byteOffset     bytes to skip at the start of the signal file before sample 0
 * @param gain           ADC units per physical unit (the header's 0 or absent gain already
 *                       replaced by the default 200)
 * @param baseline       ADC value of physical zero (the ADC zero when the header gives none)
 * @param units          physical units as written in the header, or null when not given
 * @param hasChecksum    whether the header gives a checksum
 * @param checksum       16-bit checksum of all samples of the signal, when given
 * @param checksumColumn 1-based column of the checksum field, or 0
 * @param description    signal description, possibly empty
 */
record WfdbSignalSpec(int line, String fileName, int fileColumn, int format, int formatColumn,
                      long byteOffset, double gain, int baseline, String units, boolean hasChecksum,
                      int checksum, int checksumColumn, String description) {
    WfdbSignalSpec {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(description, "description");
        if (format != 212 && format != 16 && format != 80) {
            throw new IllegalArgumentException("format must be 212, 16 or 80, got " + format);
        }
        if (byteOffset < 0) {
            throw new IllegalArgumentException("byte offset must be >= 0, got " + byteOffset);
        }
        if (!Double.isFinite(gain) || gain == 0) {
            throw new IllegalArgumentException("gain must be finite and non-zero, got " + gain);
        }
    }

    /** The ADC value that marks an invalid sample in this signal's format. */
    int invalidSample() {
        return switch (format) {
            case 212 -> -2048;
            case 16 -> -32768;
            default -> -128;
        };
    }

    /** The physical value of ADC code {@code adu}: (adu − baseline) / gain. */
    static float physical(int adu, double baseline, double gain) {
        return (float) ((adu - baseline) / gain);
    }
}
