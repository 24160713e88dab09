package org.soleus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A reading benchmark's input file, in a temporary folder of its own that {@link #delete} removes with it. */
final class TemporaryInput {
    /** Writes the content of a file. */
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    private TemporaryInput() {
    }

    /** A file named {@code name} in a new temporary folder, with {@code content} written into it. */
    static Path create(String name, Content content) throws IOException {
        Path file = Files.createTempDirectory("soleus-bench").resolve(name);
        content.writeTo(file);
        return file;
    }

    /** Deletes {@code file} and its folder. */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.getParent());
    }
}
