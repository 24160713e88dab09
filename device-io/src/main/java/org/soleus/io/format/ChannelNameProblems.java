package org.soleus.io.format;

import java.util.List;
import java.util.Locale;
import org.soleus.core.recording.ChannelName;

/**
 * Why a cell of a toolkit CSV's header row is not a channel name, told as the user fixes it: a
 * row separated by another character, a row index that pandas or R wrote, a time column named
 * otherwise, upper case. The CSV reader and the format detector tell it alike. Stateless.
 */
final class ChannelNameProblems {
    /** The form of a channel name, as errors state it. */
    private static final String CHANNEL_NAME_FORM = "<side>.<place>.<quantity>_<unit>, e.g. left.insole.force_n";

    private ChannelNameProblems() {
    }

    /**
     * Why header cell {@code name} at 0-based index {@code c} is not a channel name, and what was
     * expected; in column 1, a nameless column (or pandas' {@code Unnamed: 0}) is taken for the
     * row index that pandas and R write unless told not to, and {@code time}, {@code t} or
     * another name starting with {@code time} for a time column named otherwise.
     */
    static String notAChannelName(String name, int c) {
        String expected = CHANNEL_NAME_FORM;
        for (char sep : new char[] {'\t', ';', ' '}) {
            if (holdsNamesSeparatedBy(name, sep)) {
                return "columns are separated by commas and this line holds " + (sep == '\t' ? "tabs"
                        : sep == ';' ? "semicolons" : "spaces") + "; " + (sep == ';' ? SoleusCsv.SAVE_WITH_COMMAS_AND_POINTS
                        : "save the file as comma-separated values");
            }
        }
        if (name.equals(SoleusCsv.TIME_COLUMN)) {
            return "time_s must be the first column; found in column " + (c + 1);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (c == 0 && (name.isEmpty() || name.startsWith("Unnamed: "))) {
            return "column 1 " + (name.isEmpty() ? "has no name" : "is '" + name + "'") + ", like the row index that"
                    + " pandas' to_csv and R's write.csv write by default: save without it (index=False,"
                    + " row.names=FALSE) or delete the column";
        }
        if (c == 0 && (lower.equals("t") || lower.startsWith("time"))) {
            return "column 1 is '" + name + "', but the time column must be named time_s (in seconds): rename it,"
                    + " converting the times to seconds if need be";
        }
        if (name.isEmpty()) {
            return "column " + (c + 1) + " has no name; expected a channel name " + expected;
        }
        if (!lower.equals(name) && (ChannelName.isValid(lower) || c == 0 && lower.equals(SoleusCsv.TIME_COLUMN))) {
            return ReaderSupport.quoted(name) + ": channel names are lower case; rename it " + lower;
        }
        return ReaderSupport.quoted(name) + " is not a channel name of the form " + expected + (c == 0 ? " (or time_s)" : "");
    }

    /**
     * Why header cell {@code c} (0-based), whose name holds replacement characters, is not a
     * channel name: its line is not valid UTF-8 text.
     */
    static String notUtf8(int c) {
        return "column " + (c + 1) + "'s name is not valid UTF-8 text; expected a channel name "
                + CHANNEL_NAME_FORM + " (save the file as UTF-8)";
    }

    /**
     * Whether {@code cell} splits at {@code sep} into several cells of which one is a channel
     * name or time_s; for spaces, every piece must be one (a name followed by its unit in
     * brackets, {@code left.insole.force_n (N)}, is no row of names).
     */
    static boolean holdsNamesSeparatedBy(String cell, char sep) {
        List<String> parts = ReaderSupport.cells(cell, sep).stream().filter(p -> sep != ' ' || !p.isEmpty()).toList();
        return parts.size() > 1 && (sep == ' ' ? parts.stream().allMatch(ChannelNameProblems::isNameOrTime)
                : parts.stream().anyMatch(ChannelNameProblems::isNameOrTime));
    }

    private static boolean isNameOrTime(String part) {
        return part.equals(SoleusCsv.TIME_COLUMN) || ChannelName.isValid(part);
    }
}
