package org.soleus.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes gaitpdb-format text for the reading benchmarks: 19 tab-separated columns, CRLF, 100 Hz.
 * Two kinds of content: {@link #write} draws values shaped like the real database
 * (4-decimal times, forces with up to 2 decimals, zeros in one cell of ten) from a seeded
 * generator, in no pattern a processor could predict; {@link #writeFromTrials} repeats the
 * gaitpdb trials shipped in {@code sample-data/} with a continuous 2-decimal time, as
 * {@code benchmarks/scripts/make-24h-gaitpdb.sh} does for the 24-hour file.
 */
final class GaitpdbFiles {
    /** The shipped gaitpdb trials, relative to the repository root. */
    private static final Path TRIALS = Path.of("sample-data", "physionet-gaitpdb");
    private static final String[] TRIAL_FILES = {"GaCo01_01.txt", "GaPt03_01.txt", "JuCo01_01.txt", "SiCo01_01.txt"};
    private static final int VALUE_COLUMNS = 18;

    private GaitpdbFiles() {
    }

    /** Writes {@code rows} rows of the content named by {@code data}: {@code synthetic} or {@code trials}. */
    static void write(Path file, String data, int rows, long seed) throws IOException {
        switch (data) {
            case "synthetic" -> write(file, rows, seed);
            case "trials" -> writeFromTrials(file, rows, trialsDir());
            default -> throw new IllegalArgumentException("data must be synthetic or trials, got '" + data + "'");
        }
    }

    /**
     * {@code sample-data/physionet-gaitpdb} in the working directory or the nearest folder
     * above it that has one ({@link SampleData#find}).
     *
     * @throws IOException when there is none
     */
    static Path trialsDir() throws IOException {
        return SampleData.find(TRIALS);
    }

    /**
     * Writes {@code rows} rows made of the trials in {@code trialsDir}, one after another and
     * over again, with the time {@code row / 100} in 2 decimals.
     *
     * @throws IOException when a trial cannot be read
     */
    static void writeFromTrials(Path file, int rows, Path trialsDir) throws IOException {
        List<String> values = new ArrayList<>();
        for (String name : TRIAL_FILES) {
            Path trial = trialsDir.resolve(name);
            if (!Files.isReadable(trial)) {
                throw new IOException(trial.toAbsolutePath() + ": not found");
            }
            for (String line : Files.readAllLines(trial, StandardCharsets.US_ASCII)) {
                int firstTab = line.indexOf('\t');
                if (firstTab > 0) {
                    values.add(line.substring(firstTab));
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < rows; i++) {
                w.append(String.format(Locale.ROOT, "%d.%02d", i / 100, i % 100));
                w.append(values.get(i % values.size()));
                w.append("\r\n");
            }
        }
    }

    /** Writes {@code rows} rows to {@code file}. */
    static void write(Path file, int rows, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder sb = new StringBuilder(256);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                sb.append(String.format(Locale.ROOT, "%.4f", i * 0.01));
                for (int c = 0; c < VALUE_COLUMNS; c++) {
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
