package org.soleus.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the recordings shipped in the repository's {@code sample-data/}, whether the tests run
 * in the module directory (as Maven runs them), at the repository root or anywhere between.
 */
public final class SampleData {

    private SampleData() {
    }

    /** The {@code sample-data} directory: the first one found upward from the working directory. */
    public static Path dir() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("sample-data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample-data not found above " + start);
    }

    /** A file or directory in {@code sample-data}, e.g. {@code of("moticon-opengo", "230927_102114.txt")}. */
    public static Path of(String first, String... more) {
        return dir().resolve(Path.of(first, more));
    }
}
