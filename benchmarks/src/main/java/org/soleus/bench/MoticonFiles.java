package org.soleus.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a Moticon OpenGo text export of any length for the reading benchmark: the header of
 * the walk shipped in {@code sample-data/moticon-opengo} ({@value #WALK}: 53 columns, the left
 * insole's pressures, forces and centre of pressure empty, the right insole's and both IMUs'
 * given, 100 Hz), then its data rows over and over again with a continuous 2-decimal time.
 */
final class MoticonFiles {
    private static final Path EXPORTS = Path.of("sample-data", "moticon-opengo");
    private static final String WALK = "230927_102114.txt";

    private MoticonFiles() {
    }

    /**
     * Writes {@code rows} data rows made of the shipped walk, found from the working directory
     * ({@link SampleData#find}).
     *
     * @throws IOException when the walk cannot be read or the file written
     */
    static void write(Path file, int rows) throws IOException {
        List<String> header = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(SampleData.find(EXPORTS).resolve(WALK), StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                header.add(line);
            } else if (!line.isEmpty()) {
                values.add(line.substring(line.indexOf('\t')));
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : header) {
                w.append(line).append('\n');
            }
            for (int i = 0; i < rows; i++) {
                w.append(String.format(Locale.ROOT, "%d.%02d", i / 100, i % 100));
                w.append(values.get(i % values.size())).append('\n');
            }
        }
    }
}
