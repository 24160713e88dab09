package org.soleus.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Decides where each analysed input's results go: straight into the output directory when the
 * command has a single input; otherwise into one sub-folder per input named after the file's
 * base name (the name without its last extension). Of the files of the same base name (compared
 * ignoring case, as on case-insensitive file systems) in more than one folder, each gets in front
 * the names of the fewest folders above it that none of the other folders ends in: its folder's, as a study's
 * {@code S01/walk.txt} and {@code S02/walk.txt} give {@code S01-walk} and {@code S02-walk}, or
 * more where those are the same ({@code a/S01/walk.txt} and {@code b/S01/walk.txt} give
 * {@code a-S01-walk} and {@code b-S01-walk}), the same for the files of one folder
 * ({@code a/S01/walk.csv} and {@code a/S01/walk.txt} beside {@code b/S01/walk.csv} give
 * {@code a-S01-walk}, {@code a-S01-walk-2} and {@code b-S01-walk}); a file given twice counts once. Any names that
 * still collide get {@code -2}, {@code -3}, ... appended in the order the inputs are analysed,
 * so that no two inputs ever write into the same folder. A
 * folder is handed out for every input that is analysed, before its analysis, so that an input's
 * folder does not depend on whether another fails this time; a skipped companion file takes none
 * (and does not push the next input of its name to {@code -2}). Not thread-safe.
 */
final class OutputFolders {
    /** The file every analysed input's results hold. */
    private static final String SUMMARY = "summary.json";
    private final Path outDir;
    private final boolean subFolders;
    private final Set<String> used = new HashSet<>();
    /** The names of inputs (by their normalised absolute paths) whose base name an input in another folder has too. */
    private final Map<Path, String> prefixed = new HashMap<>();

    /**
     * @param inputCount how many inputs the command was given; from 2 on, each gets a sub-folder
     * @param analysed   the inputs that will take a folder, in order
     */
    OutputFolders(Path outDir, int inputCount, List<Path> analysed) {
        this.outDir = outDir;
        this.subFolders = inputCount > 1;
        Map<String, Set<Path>> byBaseName = new HashMap<>();
        for (Path input : analysed) {
            byBaseName.computeIfAbsent(baseName(input).toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                    .add(input.toAbsolutePath().normalize());
        }
        for (Set<Path> sameName : byBaseName.values()) {
            Set<Path> folders = new LinkedHashSet<>();
            sameName.forEach(input -> folders.add(input.getParent()));
            if (folders.size() < 2) {
                continue; // all in one folder: only the numbering sets them apart
            }
            Map<Path, String> folderPrefixes = distinctNames(folders);
            for (Path input : sameName) {
                prefixed.put(input, folderPrefixes.get(input.getParent()) + "-" + baseName(input));
            }
        }
    }

    /**
     * For each of {@code folders} (absolute, normalised, distinct; {@code null} for the root),
     * the names of the fewest folders up to it, joined by {@code -}, that none of the others
     * ends in.
     */
    private static Map<Path, String> distinctNames(Set<Path> folders) {
        Map<Path, String> names = new HashMap<>();
        int deepest = folders.stream().mapToInt(OutputFolders::depth).max().orElse(0);
        for (int count = 1; names.size() < folders.size(); count++) {
            Map<String, Integer> counts = new HashMap<>();
            for (Path folder : folders) {
                counts.merge(lastNames(folder, count).toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            for (Path folder : folders) {
                String last = lastNames(folder, count);
                if (!names.containsKey(folder) && (counts.get(last.toLowerCase(Locale.ROOT)) == 1 || count >= deepest)) {
                    names.put(folder, last);
                }
            }
        }
        return names;
    }

    /**
     * Fails, before any input is read, when the results cannot go into {@code outDir}: it is a
     * file, or the nearest of it and its parents that exists is a file or a folder this user cannot
     * write to. (Otherwise every input would be analysed, a large one for minutes, only to fail
     * when its results are written, each with the same error.)
     */
    static void requireWritable(Path outDir) throws IOException {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IOException("--out " + outDir + ": is a file, not a folder; give a folder");
        }
        if (Files.isSymbolicLink(outDir) && !Files.exists(outDir)) {
            throw new IOException("--out " + outDir + ": a link to " + Files.readSymbolicLink(outDir)
                    + ", which does not exist; give a folder");
        }
        Path existing = outDir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || existing.equals(outDir.toAbsolutePath().normalize()) && Files.isWritable(existing)) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new IOException("--out " + outDir + ": cannot write the results: " + existing
                    + " is a file, not a folder; give a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new IOException("--out " + outDir + ": cannot write the results: " + existing + " is not writable");
        }
    }

    /** The folder for {@code input}'s results; each call for several inputs gives a new one. */
    Path next(Path input) {
        if (!subFolders) {
            return outDir;
        }
        String base = prefixed.getOrDefault(input.toAbsolutePath().normalize(), baseName(input));
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n;
        }
        return outDir.resolve(name);
    }

    /**
     * What an earlier run of the other layout left in the output directory, which this run
     * neither writes nor removes, told so that old results are not taken for new ones: the
     * results of a single input at its top when this run writes sub-folders, or sub-folders
     * with results when it writes at the top. Empty when there are none.
     */
    Optional<String> earlierResultsOfTheOtherLayout() throws IOException {
        if (!Files.isDirectory(outDir)) {
            return Optional.empty();
        }
        if (subFolders) {
            return Files.exists(outDir.resolve(SUMMARY)) ? Optional.of(outDir + ": holds the results of an earlier run"
                    + " of one input at its top (" + SUMMARY + " …), left as they are; this run's go into a folder per"
                    + " input") : Optional.empty();
        }
        List<String> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(outDir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && Files.exists(entry.resolve(SUMMARY))) {
                    folders.add(String.valueOf(entry.getFileName()));
                }
            }
        }
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        Collections.sort(folders);
        String named = folders.size() <= 3 ? String.join(", ", folders)
                : String.join(", ", folders.subList(0, 3)) + " and " + (folders.size() - 3) + " more";
        return Optional.of(outDir + ": holds folders of results of an earlier run of several inputs (" + named
                + "), left as they are; this run's results go at its top");
    }

    private static int depth(Path folder) {
        return folder == null ? 0 : folder.getNameCount();
    }

    /**
     * The names of the last {@code count} folders of {@code folder}, joined by {@code -}, or of
     * as many as there are; {@code input} for the root.
     */
    private static String lastNames(Path folder, int count) {
        int n = depth(folder);
        if (n == 0) {
            return "input";
        }
        StringJoiner names = new StringJoiner("-");
        for (Path name : folder.subpath(Math.max(0, n - count), n)) {
            names.add(name.toString());
        }
        return names.toString();
    }

    /** The file name without its last extension: {@code GaCo01_01.txt} gives {@code GaCo01_01}. */
    static String baseName(Path input) {
        Path fileName = input.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? "input" : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
