package org.soleus.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;
import org.soleus.io.format.InputCompanions;

/**
 * What each input of {@code soleus analyze} is, found before any is analysed: a recording to
 * analyse (with its size, for the progress bar), one that cannot be opened (missing, not a regular
 * file), or, among several, one to skip: a dataset's companion file ({@link InputCompanions}),
 * such as a file of a record whose header is among the inputs, a folder, or a file given again
 * (under the same or another path). A single input that cannot be opened is the command's error
 * at once. Immutable.
 */
final class InputSurvey {
    private final long[] sizes;
    private final String[] skips;
    private final boolean[] partsOfRecords;
    private final IOException[] problems;
    private final int recordings;
    private final long totalBytes;
    private final long largestBytes;

    private InputSurvey(long[] sizes, String[] skips, boolean[] partsOfRecords, IOException[] problems) {
        this.sizes = sizes;
        this.skips = skips;
        this.partsOfRecords = partsOfRecords;
        this.problems = problems;
        int count = 0;
        long total = 0;
        long largest = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (skips[i] == null) {
                count++;
                total += sizes[i];
                largest = Math.max(largest, sizes[i]);
            }
        }
        this.recordings = count;
        this.totalBytes = total;
        this.largestBytes = largest;
    }

    /**
     * Surveys {@code inputs}.
     *
     * @throws IOException for a single input that is missing or not a regular file, or a single
     *                     signal file whose header is not given
     */
    static InputSurvey of(List<Path> inputs) throws IOException {
        int count = inputs.size();
        InputCompanions companions = count > 1 ? InputCompanions.of(inputs) : null;
        long[] sizes = new long[count];
        String[] skips = new String[count];
        boolean[] partsOfRecords = new boolean[count];
        IOException[] problems = new IOException[count];
        Map<Path, Path> seen = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Path input = inputs.get(i);
            try {
                if (companions != null && Files.isDirectory(input)) {
                    skips[i] = "a directory; give the recording files in it";
                    continue;
                }
                Path same = Files.exists(input) ? input.toRealPath() : input.toAbsolutePath().normalize();
                Path first = companions == null ? null : seen.putIfAbsent(same, input);
                if (first != null) {
                    skips[i] = "the same file as " + first + ", given again";
                    continue;
                }
                sizes[i] = requireReadableFile(input);
                Optional<String> companion = companions != null ? companions.describe(input) : Optional.empty();
                skips[i] = companion.orElse(null);
                partsOfRecords[i] = companion.isPresent() && companions.isPartOfARecordGiven(input);
            } catch (IOException e) {
                if (count == 1) {
                    throw e;
                }
                problems[i] = e;
            }
        }
        return new InputSurvey(sizes, skips, partsOfRecords, problems);
    }

    /** Why input {@code i} is skipped, or null for a recording (one that cannot be opened too). */
    String skip(int i) {
        return skips[i];
    }

    /**
     * Whether input {@code i}, skipped, is part of a record whose header is among the inputs (a
     * signal file or stride table: {@link InputCompanions#isPartOfARecordGiven}).
     */
    boolean isPartOfARecordGiven(int i) {
        return partsOfRecords[i];
    }

    /** The recordings among {@code inputs}, the inputs surveyed: those not skipped, in order. */
    List<Path> recordingsAmong(List<Path> inputs) {
        List<Path> recordings = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (skip(i) == null) {
                recordings.add(inputs.get(i));
            }
        }
        return recordings;
    }

    /** Why input {@code i} cannot be opened, or null. */
    IOException problem(int i) {
        return problems[i];
    }

    /** The size of input {@code i}, bytes; 0 for one that cannot be opened. */
    long sizeBytes(int i) {
        return sizes[i];
    }

    /** How many inputs are not skipped. */
    int recordings() {
        return recordings;
    }

    /** The recordings' sizes summed, bytes. */
    long totalBytes() {
        return totalBytes;
    }

    /** The largest recording's size, bytes. */
    long largestBytes() {
        return largestBytes;
    }

    /**
     * What a file name that holds {@code *} or {@code ?} matches as a pattern in its folder,
     * since the shell leaves a pattern in quotes as it is.
     */
    private static String patternMatches(Path pattern) {
        Path folder = pattern.getParent() == null ? Path.of("") : pattern.getParent();
        String unquote = "the shell expands a pattern such as *.txt only when it is not in quotes";
        if (folder.toString().matches(".*[*?\\[].*")) {
            return "as a pattern it names files in folders that are a pattern too (" + unquote + ")";
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.toString().isEmpty() ? Path.of(".") : folder,
                pattern.getFileName().toString())) {
            for (Path file : files) {
                // as the shell lists them: files, not hidden ones
                if (Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")) {
                    matches.add(folder.resolve(file.getFileName()));
                }
            }
        } catch (IOException | InvalidPathException | PatternSyntaxException e) {
            matches.clear(); // no such folder: nothing to list
        }
        if (matches.isEmpty()) {
            return "no file matches it as a pattern either (" + unquote + ")";
        }
        matches.sort(null);
        return "as a pattern it matches " + matches.size() + " file" + (matches.size() == 1 ? "" : "s") + " ("
                + matches.get(0) + (matches.size() > 1 ? ", …" : "") + "), but the shell expands a pattern only when"
                + " it is not in quotes: give it without them";
    }

    /** The file that stands where {@code path} needs a folder (a typo of a folder's name), if any. */
    static Optional<Path> fileOnPath(Path path) {
        for (Path folder = path.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /**
     * Fails saying why {@code input}, which neither exists nor is known not to, cannot be looked
     * up: a file where its path needs a folder, or a folder on it that may not be searched
     * (permission denied).
     */
    private static void requireReachable(Path input) throws IOException {
        Optional<Path> file = fileOnPath(input);
        if (file.isPresent()) {
            throw new IOException(input + ": " + file.get() + " is a file, not a folder");
        }
        try {
            Files.readAttributes(input, BasicFileAttributes.class);
        } catch (AccessDeniedException e) {
            Path absolute = input.toAbsolutePath();
            for (int n = 1; n < absolute.getNameCount(); n++) {
                Path folder = absolute.getRoot().resolve(absolute.subpath(0, n));
                if (!Files.isExecutable(folder)) {
                    throw new IOException(input + ": permission denied: the folder " + folder + " may not be searched", e);
                }
            }
            throw e;
        }
    }

    /**
     * Size of the input; fails with the path when it is missing or not a regular file (a named
     * pipe is not opened: that would wait for a writer).
     */
    private static long requireReadableFile(Path input) throws IOException {
        String name = input.toString();
        if (name.isEmpty()) {
            throw new IOException("an empty file name was given as an input; give a recording file");
        }
        if (!Files.exists(input) && !Files.notExists(input)) {
            requireReachable(input);
        }
        if (!Files.exists(input)) {
            Path header = input.getFileName() == null ? null : input.resolveSibling(input.getFileName() + ".hea");
            if (header != null && Files.isRegularFile(header)) {
                throw new IOException(input + ": no such file; a WFDB record is read through its header: give " + header);
            }
            if (name.equals("-") || name.equals("/dev/stdin") || name.startsWith("/dev/fd/")
                    || name.startsWith("/proc/self/fd/")) {
                // "-", or a pipe the shell gives a name (cat walk.csv | ... /dev/stdin, or <(...)), which is no file
                throw new IOException(name + ": no such file; a recording is read from a file, not from standard input"
                        + " or a pipe: save the data to a file and give that");
            }
            if (name.indexOf('*') >= 0 || name.indexOf('?') >= 0) {
                throw new IOException(input + ": no such file; " + patternMatches(input));
            }
            throw new NoSuchFileException(name);
        }
        if (Files.isDirectory(input)) {
            throw new IOException(input + ": is a directory; give the recording files in it");
        }
        if (!Files.isRegularFile(input)) {
            throw new IOException(input + ": not a regular file (a named pipe, device or socket); save the data to a"
                    + " file and give that");
        }
        return Files.size(input);
    }
}
