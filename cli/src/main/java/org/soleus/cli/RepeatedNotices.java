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
 * instead of repeating it. Each input's {@code summary.json} has all of its notices. Not
 * thread-safe.
 */
final class RepeatedNotices {
    /** Inputs a closing line names before it counts the rest. */
    private static final int MAX_NAMED = 5;
    /** Characters of a notice a closing line quotes to say which notice it means. */
    private static final int MAX_GIST_CHARS = 100;

    /** Each notice shown, in order, with the input it was shown for and the inputs that got it again. */
    private final Map<String, Repeats> shown = new LinkedHashMap<>();

    private record Repeats(Path firstInput, List<Path> laterInputs) {
    }

    /**
     * Takes the notice {@code line} (as it would be shown, without the input's name) for
     * {@code input}: returns whether it is to be shown, i.e. no earlier input got it.
     */
    boolean show(Path input, String line) {
        Repeats repeats = shown.get(line);
        if (repeats == null) {
            shown.put(line, new Repeats(input, new ArrayList<>()));
            return true;
        }
        if (!repeats.firstInput().equals(input) && !repeats.laterInputs().contains(input)) {
            repeats.laterInputs().add(input);
        }
        return false;
    }

    /**
     * One line per notice that later inputs got again: which notice (its gist and the input it was
     * shown for) and which inputs, as given (inputs of the same file name in other folders are told apart), the first {@value #MAX_NAMED} of them (all of them when
     * only one more is left).
     */
    List<String> closingLines() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Repeats> notice : shown.entrySet()) {
            String line = notice.getKey();
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
            lines.add("the notice \"" + gist(line) + "\" shown above for " + repeats.firstInput() + " holds for " + later.size()
                    + (later.size() == 1 ? " more input too: " : " more inputs too: ") + names
                    + " (each input's summary.json has its notices)");
        }
        return lines;
    }

    /** What a notice is about: its text before the first {@code ": "}, which states it, at most {@value #MAX_GIST_CHARS} characters. */
    private static String gist(String line) {
        int colon = line.indexOf(": ");
        String gist = colon > 0 ? line.substring(0, colon) : line;
        return gist.length() <= MAX_GIST_CHARS ? gist : gist.substring(0, MAX_GIST_CHARS - 1) + "…";
    }
}
