package org.soleus.core.recording;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel name of the form {@code <side>.<place>.<quantity>_<unit>}, for example
 * {@code left.insole.force_n}, {@code left.insole.cell03_n}, {@code right.foot.gyr_x_dps} or
 * {@code left.shank.acc_z_mps2}.
 *
 * <p>The unit is the text after the last underscore; the quantity may itself contain
 * underscores ({@code gyr_x}). Places are free text but the toolkit uses {@code insole},
 * {@code foot}, {@code shank}, {@code thigh} and {@code pelvis}. Names are lower case.
 *
 * @param side     body side
 * @param place    where the sensor sits ({@code insole}, {@code foot}, ...)
 * @param quantity what is measured ({@code force}, {@code cell03}, {@code gyr_x}, ...)
 * @param unit     unit token ({@code n}, {@code dps}, {@code mps2}, {@code g}, {@code counts}, ...)
 */
public record ChannelName(Side side, String place, String quantity, String unit) {

    private static final Pattern NAME = Pattern.compile(
            "(left|right|none)\\.([a-z][a-z0-9]*)\\.([a-z][a-z0-9_]*)_([a-z0-9]+)");

    public ChannelName {
        Objects.requireNonNull(side, "side");
        requireToken(place, "place");
        requireToken(quantity, "quantity");
        if (unit == null || unit.isEmpty() || !lowerAlphanumeric(unit, 0, false)) {
            throw new IllegalArgumentException("unit '" + unit + "' must be lower-case letters and digits, e.g. n, dps, mps2");
        }
        if (place.contains("_")) {
            throw new IllegalArgumentException("place '" + place + "' must not contain '_'");
        }
    }

    /** {@code [a-z][a-z0-9_]*}, checked without a regular expression (names are made per file part). */
    private static void requireToken(String value, String what) {
        if (value == null || value.isEmpty() || value.charAt(0) < 'a' || value.charAt(0) > 'z'
                || !lowerAlphanumeric(value, 1, true)) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' must start with a lower-case letter and hold only a-z, 0-9 and '_'");
        }
    }

    /** Whether every char of {@code text} from {@code from} on is a-z, 0-9 or (if allowed) '_'. */
    private static boolean lowerAlphanumeric(String text, int from, boolean underscore) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (underscore && c == '_'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a full channel name.
     *
     * @throws IllegalArgumentException when the text is not {@code <side>.<place>.<quantity>_<unit>}
     */
    public static ChannelName parse(String text) {
        Matcher m = NAME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("channel name '" + text
                    + "' is not of the form <side>.<place>.<quantity>_<unit>, e.g. left.insole.force_n");
        }
        return new ChannelName(Side.parse(m.group(1)), m.group(2), m.group(3), m.group(4));
    }

    /** Whether {@code text} is a well-formed channel name. */
    public static boolean isValid(String text) {
        return NAME.matcher(text).matches();
    }

    /** Convenience factory. */
    public static ChannelName of(Side side, String place, String quantity, String unit) {
        return new ChannelName(side, place, quantity, unit);
    }

    /*
     * equals and hashCode are written out, as the same comparison a record generates: the
     * generated ones are bound through method handles on first use, which spins about twenty
     * classes and keeps the JIT compilers busy for about half a second of processor time on
     * every run of the command line (names are map keys from the first file read).
     */

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelName o && side == o.side && place.equals(o.place)
                && quantity.equals(o.quantity) && unit.equals(o.unit);
    }

    /** Whether this is one cell of a foot's insole, {@code <side>.insole.cellNN_<unit>} of any unit. */
    public boolean isInsoleCell() {
        return side != Side.NONE && place.equals("insole") && quantity.matches("cell\\d+");
    }

    /** Whether this is a foot's insole force, {@code <side>.insole.force_<unit>} of any unit. */
    public boolean isInsoleForce() {
        return side != Side.NONE && place.equals("insole") && quantity.equals("force");
    }

    @Override
    public int hashCode() {
        return ((side.hashCode() * 31 + place.hashCode()) * 31 + quantity.hashCode()) * 31 + unit.hashCode();
    }

    @Override
    public String toString() {
        return side.label() + '.' + place + '.' + quantity + '_' + unit;
    }
}
