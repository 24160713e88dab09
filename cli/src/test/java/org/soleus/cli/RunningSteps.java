package org.soleus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Running-like steps on both insoles at 100 Hz: contacts of 0.2 s in strides of 0.5 s (stance
 * 40 %), the right foot half a stride after the left, 1200 N half-sine peaks.
 */
final class RunningSteps {
    private RunningSteps() {
    }

    /**
     * Writes {@code samples} rows of left and right force to {@code file} as a soleus CSV, with
     * {@code metadata} (whole {@code # key: value} lines, or "") after the sample rate.
     */
    static Path write(Path file, int samples, String metadata) throws IOException {
        StringBuilder csv = new StringBuilder("# sample_rate_hz: 100\n" + metadata
                + "left.insole.force_n,right.insole.force_n\n");
        for (int i = 0; i < samples; i++) {
            csv.append(String.format(Locale.ROOT, "%.1f,%.1f%n", forceN(i), forceN(i + 25)));
        }
        return Files.writeString(file, csv);
    }

    /** One foot's force at {@code sample}, N. */
    private static double forceN(int sample) {
        int k = sample % 50;
        return k < 20 ? 1200 * Math.sin(Math.PI * (k + 0.5) / 20) : 0;
    }
}
