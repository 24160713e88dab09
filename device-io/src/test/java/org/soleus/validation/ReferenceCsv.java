package org.soleus.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rows of a reference table shipped beside a recording: one header line, then comma-separated cells. */
final class ReferenceCsv {
    private ReferenceCsv() {
    }

    /**
     * The cells of every non-blank line after the header, empty cells kept; asserts that the
     * header is {@code header}, as the tests read the cells by position.
     */
    static List<String[]> rows(Path csv, String header) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(header, lines.isEmpty() ? null : lines.get(0), csv + ": the header");
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }
}
