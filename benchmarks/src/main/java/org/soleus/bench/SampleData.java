package org.soleus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the recordings the project ships are, for the benchmarks that build their files from them. */
final class SampleData {
    private SampleData() {
    }

    /**
     * {@code relative} (a folder under {@code sample-data/}) in the working directory or the
     * nearest folder above it that has one, so that the benchmarks run from the repository root
     * or from within it.
     *
     * @throws IOException when there is none
     */
    static Path find(Path relative) throws IOException {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IOException("no " + relative + " in " + start + " or a folder above it; run the benchmarks from the repository");
    }
}
