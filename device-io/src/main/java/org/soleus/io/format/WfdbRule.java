package org.soleus.io.format;

import java.util.List;

/**
 * The format rule of a WFDB header ({@code .hea}; Moody, WFDB header(5)): the first line that is
 * not a {@code #} comment is {@code <record> <signals> <rate> [<samples> ...]} with whole numbers
 * of signals and samples, and the next {@code <signals>} lines each name a signal file stored in
 * a format the WFDB reader decodes ({@link WfdbReader}): 212, 16 or 80 ({@code <file> 212 ...}).
 * Stateless and thread-safe.
 */
final class WfdbRule {
    private WfdbRule() {
    }

    /** Whether the head is a WFDB header of a record the WFDB reader reads. */
    static boolean matches(List<String> lines) {
        int i = 0;
        while (i < lines.size() && (lines.get(i).startsWith("#") || lines.get(i).isBlank())) {
            i++;
        }
        if (i >= lines.size()) {
            return false;
        }
        String[] record = words(lines.get(i));
        if (record.length < 3 || !ReaderSupport.isDigits(record[1], 12) || !isRate(record[2])
                || (record.length >= 4 && !ReaderSupport.isDigits(record[3], 12))) {
            return false;
        }
        long signals = Long.parseLong(record[1]);
        if (signals < 1 || signals > 1000) {
            return false;
        }
        return readableSignalLines(lines, i + 1, signals) == signals;
    }

    /**
     * How many of the next {@code signals} signal lines from line {@code from} on (comments and
     * blank lines passed over) name a format the reader decodes; -1 at the first that does not.
     */
    private static int readableSignalLines(List<String> lines, int from, long signals) {
        int found = 0;
        for (int j = from; j < lines.size() && found < signals; j++) {
            String line = lines.get(j);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] signal = words(line);
            if (signal.length < 2 || !isReadableFormat(signal[1])) {
                return -1;
            }
            found++;
        }
        return found;
    }

    /** {@code 212}, {@code 16} or {@code 80}, optionally followed by {@code x<n>}, {@code :<skew>} or {@code +<offset>}. */
    private static boolean isReadableFormat(String format) {
        for (String f : new String[] {"212", "16", "80"}) {
            if (format.equals(f) || (format.startsWith(f) && format.length() > f.length()
                    && "x:+".indexOf(format.charAt(f.length())) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** {@code <rate>}, optionally {@code /<counter rate>} and {@code (<base counter>)}. */
    private static boolean isRate(String word) {
        int end = word.length();
        int slash = word.indexOf('/');
        if (slash > 0) {
            end = slash;
        }
        return ReaderSupport.isNumber(word.substring(0, end));
    }

    /** The words of a line, split as the header parser splits it ({@link WfdbTextFields}). */
    private static String[] words(String line) {
        return WfdbTextFields.split(line).stream().map(WfdbTextFields.Field::text).toArray(String[]::new);
    }
}
