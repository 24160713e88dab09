package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the files a dataset ships beside its recordings, which a glob over the dataset's
 * folder picks up with them ({@code soleus analyze gaitpdb/*.txt}): PhysioNet gaitpdb's
 * subject table {@code demographics.txt} (first line {@code ID<TAB>Study<TAB>Group...}) and its
 * description {@code format.txt} (first line {@code Data format:}). Both name and content must
 * match, so a recording that happens to carry one of these names is still read. Stateless and
 * thread-safe.
 */
public final class CompanionFiles {
    /** What a recognised file is, as a notice says it. */
    static final String GAITPDB_COMPANION = "a PhysioNet gaitpdb companion file, not a recording";

    private CompanionFiles() {
    }

    /**
     * What {@code file} is when it is a known companion file of a dataset, e.g.
     * {@code "a PhysioNet gaitpdb companion file, not a recording"}; empty for any other file.
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<String> describe(Path file) throws IOException {
        return describe(file, FileHead.read(file));
    }

    static Optional<String> describe(Path file, FileHead head) {
        Path name = file.getFileName();
        List<String> lines = head.lines();
        if (name == null || lines.isEmpty()) {
            return Optional.empty();
        }
        String first = lines.get(0).strip();
        boolean companion = switch (name.toString()) {
            case "demographics.txt" -> {
                List<String> cells = ReaderSupport.tabCells(first);
                yield cells.size() > 2 && cells.get(0).equals("ID") && cells.get(1).equals("Study")
                        && cells.get(2).equals("Group");
            }
            case "format.txt" -> first.equals("Data format:");
            default -> false;
        };
        return companion ? Optional.of(GAITPDB_COMPANION) : Optional.empty();
    }
}
