package org.soleus.io.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a small text file (a WFDB header, a gaitndd table) into fields separated
 * by spaces or tabs, keeping each field's 1-based column so that errors can point at it.
 * Off the hot path: it allocates per line. Stateless and thread-safe.
 */
final class WfdbTextFields {

    /** One field of a line and the 1-based column of its first character. */
    record Field(String text, int column) {
    }

    private WfdbTextFields() {
    }

    /** The fields of {@code line}, in order; empty for a blank line. */
    static List<Field> split(String line) {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isSeparator(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields.add(new Field(line.substring(start, i), start + 1));
            }
        }
        return fields;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
