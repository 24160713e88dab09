package org.soleus.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides where each analysed input's results go: straight into the output directory when the
 * command has a single input; otherwise into one sub-folder per input named after the file's
 * base name (the name without its last extension), with {@code -2}, {@code -3}, ... appended in
 * the order the inputs are analysed when base names collide (compared ignoring case, as on
 * case-insensitive file systems), so that no two inputs ever write into the same folder. A
 * folder is handed out for every input that is analysed, before its analysis, so that an input's
 * folder does not depend on whether another fails this time; a skipped companion file takes none
 * (and does not push the next input of its name to {@code -2}). Not thread-safe.
 */
final class OutputFolders {
    private final Path outDir;
    private final boolean subFolders;
    private final Set<String> used = new HashSet<>();

    /** @param inputCount how many inputs the command was given; from 2 on, each gets a sub-folder */
    OutputFolders(Path outDir, int inputCount) {
        this.outDir = outDir;
        this.subFolders = inputCount > 1;
    }

    /** The folder for {@code input}'s results; each call for several inputs gives a new one. */
    Path next(Path input) {
        if (!subFolders) {
            return outDir;
        }
        String base = baseName(input);
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n;
        }
        return outDir.resolve(name);
    }

    /** The file name without its last extension: {@code GaCo01_01.txt} gives {@code GaCo01_01}. */
    static String baseName(Path input) {
        Path fileName = input.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? "input" : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
