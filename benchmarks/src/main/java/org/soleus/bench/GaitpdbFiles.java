package org.soleus.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes gaitpdb-format text for the reading benchmarks: 19 tab-separated columns, CRLF, 100 Hz,
 * with values shaped like the real database (4-decimal times, forces with up to 2 decimals,
 * some zeros), from a seeded generator.
 */
final class GaitpdbFiles {
    private GaitpdbFiles() {
    }

    /** Writes {@code rows} rows to {@code file}. */
    static void write(Path file, int rows, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder sb = new StringBuilder(256);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                sb.append(String.format(Locale.ROOT, "%.4f", i * 0.01));
                for (int c = 0; c < 18; c++) {
                    sb.append('\t');
                    int kind = rnd.nextInt(10);
                    if (kind == 0) {
                        sb.append('0');
                    } else if (kind < 4) {
                        sb.append(rnd.nextInt(400)).append('.').append(rnd.nextInt(10));
                    } else {
                        int hundredths = rnd.nextInt(c >= 16 ? 120_000 : 40_000);
                        sb.append(hundredths / 100).append('.').append(hundredths % 100 / 10).append(hundredths % 10);
                    }
                }
                sb.append("\r\n");
                w.append(sb);
            }
        }
    }
}
