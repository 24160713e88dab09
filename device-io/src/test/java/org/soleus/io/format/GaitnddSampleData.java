package org.soleus.io.format;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shipped gaitndd records in {@code sample-data/} from the module or the repository root. */
final class GaitnddSampleData {

    private GaitnddSampleData() {
    }

    /** The {@code sample-data/physionet-gaitndd} directory. */
    static Path dir() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("sample-data").resolve("physionet-gaitndd");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample-data/physionet-gaitndd not found above " + start);
    }

    /** The header of one shipped record, e.g. {@code control1}. */
    static Path header(String record) {
        return dir().resolve(record + ".hea");
    }
}
