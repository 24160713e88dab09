package org.soleus.io.format;

import java.util.List;

/**
 * What the reader makes of a WFDB header's record line ({@code <record> <signals> [<rate>
 * [<samples> ...]]}; Moody, WFDB header(5)) beyond parsing it ({@link WfdbHeaderParser}): the
 * record name checked against the header's file name, and the sample rate to use, the given or
 * the header's. Stateless and thread-safe.
 */
final class WfdbRecordLine {
    private WfdbRecordLine() {
    }

    /** Warns when the header's file, {@code <name>.hea}, is named otherwise than its record. */
    static void checkRecordName(WfdbHeader header, List<String> warnings) {
        String fileName = String.valueOf(header.file().getFileName());
        if (fileName.endsWith(".hea")) {
            String stem = fileName.substring(0, fileName.length() - 4);
            if (!stem.equals(header.recordName())) {
                warnings.add(header.file() + ":" + header.recordLine() + ":1: record name '" + header.recordName()
                        + "' differs from the file name '" + fileName + "'");
            }
        }
    }

    /**
     * The rate to use: the given one, else the header's; a header's rate that is not one the
     * readers take ({@link ReadOptions#isSampleRate}) is an error at its column, or a warning
     * when a rate is given. A header without a rate gets WFDB's default, with a warning, since
     * a record's durations all depend on it.
     */
    static double sampleRate(WfdbHeader header, ReadOptions options, List<String> warnings)
            throws DataFormatException {
        double fileRateHz = header.sampleRateHz();
        double givenHz = options.sampleRateHz();
        String problem = ReaderSupport.rateProblem("sampling frequency", header.rateText(), fileRateHz);
        if (problem != null) {
            ReaderSupport.unusable(header.file(), header.recordLine(), header.rateColumn(), problem, givenHz,
                    options.sampleRateGivenBy(),
                    " Hz", warnings);
            return givenHz;
        }
        if (Double.isNaN(givenHz)) {
            if (header.rateText() == null) {
                warnings.add(header.file() + ":" + header.recordLine() + ": the record line gives no sampling"
                        + " frequency, so WFDB's default of " + fileRateHz
                        + " Hz is used; give --rate if the record was sampled otherwise");
            }
            return fileRateHz;
        }
        if (header.rateText() != null && givenHz != fileRateHz) {
            String where = header.file() + ":" + header.recordLine() + ":" + header.rateColumn() + ": ";
            warnings.add(ReaderSupport.rateOverride(where, options.sampleRateGivenBy(), givenHz, fileRateHz,
                    "the header's"));
        }
        return givenHz;
    }
}
