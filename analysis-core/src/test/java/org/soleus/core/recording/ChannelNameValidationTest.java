package org.soleus.core.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The token checks accept exactly what the grammar's regular expressions accept, on seeded random text. */
final class ChannelNameValidationTest {
    private static final long SEED = 4242L;
    private static final String ALPHABET = "abcxyz0189_.-A Zé";
    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern UNIT = Pattern.compile("[a-z0-9]+");

    private static String random(Random rnd) {
        int length = rnd.nextInt(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static boolean accepted(String place, String quantity, String unit) {
        try {
            new ChannelName(Side.LEFT, place, quantity, unit);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void acceptsExactlyTheGrammar() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 100_000; i++) {
            String place = rnd.nextBoolean() ? "insole" : random(rnd);
            String quantity = rnd.nextBoolean() ? "force" : random(rnd);
            String unit = rnd.nextBoolean() ? "n" : random(rnd);
            boolean expected = TOKEN.matcher(place).matches() && !place.contains("_")
                    && TOKEN.matcher(quantity).matches() && UNIT.matcher(unit).matches();
            assertEquals(expected, accepted(place, quantity, unit),
                    "seed " + SEED + ": '" + place + "', '" + quantity + "', '" + unit + "'");
        }
    }
}
