package org.soleus.io.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.soleus.io.format.text.DecimalParser;

/** Small helpers the readers share for header and companion-file text (not for data rows). */
final class ReaderSupport {
    private ReaderSupport() {
    }

    /**
     * The body mass to use: the explicit one from the options when given (with a warning when the
     * source says otherwise, beginning with {@code where}: {@code walk.csv:4:15: }), else the
     * source's ({@code whose}: {@code the file's}, {@code subject-description.txt's}).
     */
    static double explicitBodyMass(String where, String whose, double sourceMassKg, ReadOptions options,
                                   List<String> warnings) {
        double explicit = options.bodyMassKg();
        if (Double.isNaN(explicit)) {
            return sourceMassKg;
        }
        if (!Double.isNaN(sourceMassKg) && explicit != sourceMassKg) {
            warnings.add(massOverride(where, options.bodyMassGivenBy(), explicit, sourceMassKg, whose));
        }
        return explicit;
    }

    /** The most of a cell that messages quote, characters. */
    private static final int QUOTED_CHARS = 40;

    /** {@code text} in quotes for a message, cut to {@value #QUOTED_CHARS} characters and an ellipsis. */
    static String quoted(String text) {
        return "'" + (text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "…") + "'";
    }

    /**
     * The warning every reader gives when the user's sample rate differs from the file's, naming
     * what gave it ({@link ReadOptions#sampleRateGivenBy}):
     * {@code <where>--rate 100.0 Hz overrides the file's 300.0 Hz}.
     *
     * @param where the location, ending in {@code ": "} ({@code walk.csv: }, {@code rec.hea:1:9: })
     * @param whose whose rate is overridden ({@code the file's}, {@code the header's})
     */
    static String rateOverride(String where, String givenBy, double givenHz, double fileHz, String whose) {
        return where + givenBy + " " + givenHz + " Hz overrides " + whose + " " + fileHz + " Hz";
    }

    /**
     * A value of the file's that cannot be used, at {@code line} and {@code column}: an error
     * that names the option giving it ({@code ... got '-100' (correct it, or give --rate HZ)}),
     * or, when the user gives the value ({@code given} not NaN), which is then used instead, a
     * warning saying so:
     * {@code r.csv:1:19: sample_rate_hz: ...; not used: --rate 100.0 Hz is given}.
     *
     * @param problem what is wrong and what was expected
     * @param option  what gives the value: the option ({@code --rate}), or where the user gave it
     *                ({@link ReadOptions#sampleRateGivenBy}, e.g. {@code --subjects s.csv:2})
     * @param unit    the value's unit after a blank, e.g. {@code " Hz"}
     * @throws DataFormatException when the value is not given
     */
    static void unusable(Path file, long line, int column, String problem, double given, String option, String unit,
                         List<String> warnings) throws DataFormatException {
        if (Double.isNaN(given)) {
            throw new DataFormatException(file, line, column, problem + " (correct it, or give " + option + " "
                    + unit.strip().toUpperCase(Locale.ROOT) + ")");
        }
        warnings.add(DataFormatException.location(file, line, column) + ": " + problem + "; not used: " + option + " " + given + unit
                + " is given");
    }

    /**
     * What is wrong with a sample rate that a file states ({@code what}: the key or field, with
     * the value as written, {@code text}), or null when {@code hz} is one the readers take
     * ({@link ReadOptions#isSampleRate}), e.g.
     * {@code sample_rate_hz: expected a rate in Hz from 0.001 to 1000000, got '1e30'}.
     */
    static String rateProblem(String what, String text, double hz) {
        return ReadOptions.isSampleRate(hz) ? null
                : what + ": expected " + ReadOptions.SAMPLE_RATES + ", got '" + text + "'";
    }

    /**
     * The warning every reader gives when the user's body mass differs from the file's, naming
     * what gave it ({@link ReadOptions#bodyMassGivenBy}):
     * {@code <where>--mass 83.0 kg overrides the file's body mass of 70.0 kg}.
     */
    static String massOverride(String where, String givenBy, double givenKg, double fileKg) {
        return massOverride(where, givenBy, givenKg, fileKg, "the file's");
    }

    /**
     * {@link #massOverride(String, String, double, double)} naming whose mass it is
     * ({@code the stream's}).
     */
    private static String massOverride(String where, String givenBy, double givenKg, double sourceKg, String whose) {
        return where + givenBy + " " + givenKg + " kg overrides " + whose + " body mass of " + sourceKg + " kg";
    }

    /**
     * Why a file could not be read, in a few words for a message that names the file already
     * (an {@link AccessDeniedException}'s own message is just the path).
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The cells of a line split at every {@code sep}, trimmed; trailing empty cells are kept. */
    static List<String> cells(String line, char sep) {
        List<String> out = new ArrayList<>();
        if (line == null) {
            return out;
        }
        int from = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == sep) {
                out.add(line.substring(from, i).trim());
                from = i + 1;
            }
        }
        return out;
    }

    /**
     * {@code cells} without the empty ones at its end, but for the first: a header row's
     * names without the padding that a spreadsheet ends every line of a file with (a trailing
     * delimiter when a column beyond the data was ever used). The rows' matching empty cells
     * are allowed with {@link org.soleus.io.format.text.DelimitedRowParser#trailingEmptyCells}.
     */
    static List<String> withoutTrailingEmptyCells(List<String> cells) {
        int n = cells.size();
        while (n > 1 && cells.get(n - 1).isEmpty()) {
            n--;
        }
        return cells.subList(0, n);
    }

    /** {@link #cells} at tabs. */
    static List<String> tabCells(String line) {
        return cells(line, '\t');
    }

    /**
     * The number a metadata value {@code raw} holds, NaN for {@code nan} (in any case).
     *
     * @throws DataFormatException at {@code line} and {@code column} of {@code file}, naming
     *                             {@code key}, when the value is no number
     */
    static double metadataNumber(Path file, String raw, long line, int column, String key) throws DataFormatException {
        double v = parseDoubleOrNaN(raw);
        if (Double.isNaN(v) && !raw.equalsIgnoreCase("nan")) {
            throw new DataFormatException(file, line, column, key + ": expected a number, found '" + raw + "'");
        }
        return v;
    }

    /** The number in {@code text}, or NaN when it is not one. */
    static double parseDoubleOrNaN(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * A name token for a channel name: lower case, every run of characters other than a–z and
     * 0–9 turned into one {@code _}, no {@code _} at either end, starting with a letter
     * ({@code x} is put in front otherwise). Empty text gives {@code fallback}.
     */
    static String token(String text, String fallback) {
        StringBuilder sb = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '\u00b2') {
                c = '2';
            } else if (c == '\u00b3') {
                c = '3';
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && sb.length() > 0) {
                    sb.append('_');
                }
                sb.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        if (sb.length() == 0) {
            return fallback;
        }
        if (sb.charAt(0) < 'a') {
            sb.insert(0, 'x');
        }
        return sb.toString();
    }

    /**
     * A unit token for a channel name: the letters and digits of the unit in lower case
     * ({@code N/cm²} → {@code ncm2}, {@code m/s^2} → {@code ms2}); an empty or dimensionless
     * ({@code 1}) unit gives {@code au}.
     */
    static String unitToken(String unit) {
        StringBuilder sb = new StringBuilder();
        String lower = unit.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '\u00b2') {
                c = '2';
            } else if (c == '\u00b3') {
                c = '3';
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        String t = sb.toString();
        return t.isEmpty() || t.equals("1") ? "au" : t;
    }

    /** {@link #token} without underscores, as the place of a channel name requires. */
    static String placeToken(String text, String fallback) {
        return token(text, fallback).replace("_", "");
    }

    /** Whether {@code s} is 1 to {@code maxDigits} ASCII digits and nothing else. */
    static boolean isDigits(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is a number as the data rows' parser reads one ({@link DecimalParser}), and nothing else. */
    static boolean isNumber(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return b.length > 0 && new DecimalParser().scan(b, 0, b.length) == b.length;
    }
}
