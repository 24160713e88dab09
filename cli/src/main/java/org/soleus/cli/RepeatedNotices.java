package org.soleus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis notices of a run of several inputs, so that one that every input of a dataset
 * gets (gaitndd's "not in newtons", a default insole length) is shown once in full, for the
 * first input that got it, and the inputs that got it again are named in one closing line
 * instead of repeating it. Notices are the same when their gists are ({@link #gist}: what a
 * notice states, before its details), so that the default insole length of exports of
 * different insole sizes is one notice. Each input's {@code summary.json} has all of its
 * notices in full. Not thread-safe.
 */
final class RepeatedNotices {
    /** What the lines are, as the closing lines name them: {@code notice} or {@code warning}. */
    private final String kind;
    /** Whether lines of the same gist are the same line; else only the same text is. */
    private final boolean byGist;

    /**
     * @param kind   what the lines are, as the closing lines name them: {@code notice} or {@code warning}
     * @param byGist whether lines of the same {@link #gist} are the same (notices, whose details are
     *               in each summary.json); else only lines of the same text are (warnings, whose
     *               details, a count or a place, may matter)
     */
    RepeatedNotices(String kind, boolean byGist) {
        this.kind = kind;
        this.byGist = byGist;
    }

    /** Inputs a closing line names before it counts the rest. */
    private static final int MAX_NAMED = 5;
    /** Characters of a notice a closing line quotes to say which notice it means. */
    private static final int MAX_GIST_CHARS = 100;

    /** Each notice shown, by its gist, in order, with the input it was shown for and the inputs that got it again. */
    private final Map<String, Repeats> shown = new LinkedHashMap<>();

    private record Repeats(Path firstInput, List<Path> laterInputs) {
    }

    /**
     * Whether an earlier input than {@code input} got the same notice as {@code line}: of the same
     * gist, or for warnings of the same text ({@link #show} compares them alike).
     */
    boolean isRepeat(Path input, String line) {
        Repeats repeats = shown.get(byGist ? gist(line) : line);
        return repeats != null && !repeats.firstInput().equals(input);
    }

    /**
     * Takes the notice {@code line} (as it would be shown, without the input's name or a place in
     * it) for {@code input}: returns whether it is to be shown, i.e. no earlier input got one of the
     * same gist (the input that did may get more).
     */
    boolean show(Path input, String line) {
        String key = byGist ? gist(line) : line;
        Repeats repeats = shown.get(key);
        if (repeats == null) {
            shown.put(key, new Repeats(input, new ArrayList<>()));
            return true;
        }
        if (repeats.firstInput().equals(input)) {
            return true;
        }
        if (!repeats.laterInputs().contains(input)) {
            repeats.laterInputs().add(input);
        }
        return false;
    }

    /**
     * One line per notice that later inputs got again: which notice (its gist and the input it was
     * shown for) and which inputs, as given (inputs of the same file name in other folders are
     * told apart), the first {@value #MAX_NAMED} of them (all of them when only one more is left).
     */
    List<String> closingLines() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Repeats> notice : shown.entrySet()) {
            String gist = gist(notice.getKey());
            Repeats repeats = notice.getValue();
            List<Path> later = repeats.laterInputs();
            if (later.isEmpty()) {
                continue;
            }
            StringBuilder names = new StringBuilder();
            int named = later.size() <= MAX_NAMED + 1 ? later.size() : MAX_NAMED;
            for (int i = 0; i < named; i++) {
                names.append(i == 0 ? "" : ", ").append(later.get(i));
            }
            if (named < later.size()) {
                names.append(" and ").append(later.size() - MAX_NAMED).append(" more");
            }
            lines.add("the " + kind + " \"" + gist + "\" shown above for " + repeats.firstInput() + " was given for " + later.size()
                    + (later.size() == 1 ? " more input too: " : " more inputs too: ") + names
                    + " (each input's summary.json has its own in full)");
        }
        return lines;
    }

    /**
     * What a notice states, before its details: its text up to the first {@code ": "},
     * {@code " ("} or {@code "; "} (after the quote a line may start with, as a line of the file
     * is quoted in {@code 'body_mass_kg: 72' comes after the header row}), at most
     * {@value #MAX_GIST_CHARS} characters.
     */
    static String gist(String line) {
        int end = line.length();
        int from = line.startsWith("'") ? line.indexOf('\'', 1) + 1 : 0;
        for (String detail : new String[] {": ", " (", "; "}) {
            int at = line.indexOf(detail, from);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        String gist = line.substring(0, end);
        return gist.length() <= MAX_GIST_CHARS ? gist : gist.substring(0, MAX_GIST_CHARS - 1) + "…";
    }
}
