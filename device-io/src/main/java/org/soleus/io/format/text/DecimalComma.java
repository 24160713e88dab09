package org.soleus.io.format.text;

import java.util.regex.Pattern;

/**
 * Numbers written with a decimal comma, as a spreadsheet program or instrument software set to
 * a European language saves them ({@code 12,5}): the readers take decimal points only, and say
 * so in the error of a cell that would be a number with its comma as a point. Stateless.
 */
public final class DecimalComma {
    /** What the error adds for such a cell. */
    public static final String HINT = "a decimal comma: the file must be written with decimal points, e.g. by a program"
            + " set to English";
    private static final Pattern NUMBER_WITH_COMMA = Pattern.compile("[-+]?[0-9]*,[0-9]+");

    private DecimalComma() {
    }

    /** Whether {@code cell} would be a number with its one comma as a decimal point. */
    public static boolean holds(String cell) {
        return NUMBER_WITH_COMMA.matcher(cell).matches();
    }
}
