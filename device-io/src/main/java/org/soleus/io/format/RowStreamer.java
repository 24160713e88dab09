package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.format.text.DelimitedRowParser;

/**
 * The part every text reader shares: settles the sample rate, checks the time column and
 * streams the rows into a sink.
 *
 * <p>Rate: an explicit {@link ReadOptions#sampleRateHz()} wins (with a warning when the file
 * says otherwise); else the rate the file states; else {@code 1 / median time step} of the first
 * {@value #LOOKAHEAD_ROWS} rows, snapped to the nearest 0.001 Hz when within 1 ppm. The rows
 * needed for that are held back and streamed afterwards.
 *
 * <p>Time column: each step must be positive and within ±25 % of a whole number {@code k} of
 * sample periods (the file's own period, even when the user overrides the rate). A step of
 * {@code k > 1} periods is a gap of {@code k − 1} missing rows: they are filled with NaN rows
 * and a warning names the line; gaps longer than {@value #MAX_GAP_S} s are an error. Anything
 * else (a step back, a repeated time, a step of 1.5 periods) is an error naming the line.
 */
final class RowStreamer {
    static final int LOOKAHEAD_ROWS = 256;
    static final double MAX_GAP_S = 60;
    private static final double STEP_TOLERANCE = 0.25;
    private static final int MAX_GAP_WARNINGS = 20;

    private final Path file;
    private final DelimitedRowParser rows;
    private final boolean hasTime;
    private final int width;

    private double periodS = Double.NaN;
    private double previousTimeS;
    private long gaps;
    private long filledRows;

    /**
     * @param file    the file, for messages
     * @param rows    the row parser, positioned at the first data row
     * @param width   number of values per row
     * @param hasTime whether a column is the time column
     */
    RowStreamer(Path file, DelimitedRowParser rows, int width, boolean hasTime) {
        this.file = file;
        this.rows = rows;
        this.width = width;
        this.hasTime = hasTime;
    }

    /**
     * Streams all rows into {@code sink}: start, rows, end.
     *
     * @param source         the source name for the header
     * @param channels       channel names in row order
     * @param metadata       metadata for the header
     * @param statedRateHz   the rate the file states in its header, or NaN
     * @param statedStartS   the time of the first sample the file states, or NaN (then the first
     *                       time value, or 0 without a time column)
     * @param options        the user's options (only the rate is used here)
     * @param noRateAdvice   what the error says when no rate is known, e.g. how to pass one
     * @param warnings       warnings so far; completed here and handed to {@link SampleSink#end}
     */
    void stream(String source, List<ChannelName> channels, RecordingMetadata metadata, double statedRateHz,
                double statedStartS, ReadOptions options, String noRateAdvice, SampleSink sink,
                List<String> warnings) throws IOException {
        float[][] held = new float[LOOKAHEAD_ROWS][width];
        double[] heldTimes = new double[LOOKAHEAD_ROWS];
        long[] heldLines = new long[LOOKAHEAD_ROWS];
        int n = 0;
        int status = DelimitedRowParser.ROW;
        while (n < LOOKAHEAD_ROWS && (status = rows.next(held[n])) == DelimitedRowParser.ROW) {
            heldTimes[n] = rows.time();
            heldLines[n] = rows.lastLine();
            n++;
        }
        if (status == DelimitedRowParser.CUT) {
            warnings.add(cutWarning());
        }
        if (n == 0) {
            throw new DataFormatException(file, rows.lastLine() + 1, 0, "no samples: the file ends before its first data row");
        }
        double fileRateHz = statedRateHz;
        if (Double.isNaN(fileRateHz) && hasTime && n >= 2) {
            fileRateHz = estimateRateHz(heldTimes, heldLines, n);
        }
        double rateHz = fileRateHz;
        double optionRateHz = options.sampleRateHz();
        if (!Double.isNaN(optionRateHz)) {
            if (!Double.isNaN(fileRateHz) && Math.abs(optionRateHz - fileRateHz) > 1e-9 * fileRateHz) {
                warnings.add(file + ": the file's sample rate is " + fileRateHz + " Hz but " + optionRateHz
                        + " Hz was given explicitly; using " + optionRateHz + " Hz");
            }
            rateHz = optionRateHz;
        }
        if (Double.isNaN(rateHz)) {
            throw new DataFormatException(file, 0, 0, "the file states no sample rate"
                    + (hasTime ? " and has only one row to derive it from" : "") + ": " + noRateAdvice);
        }
        periodS = hasTime && !Double.isNaN(fileRateHz) ? 1 / fileRateHz : Double.NaN;
        double startS = !Double.isNaN(statedStartS) ? statedStartS : hasTime ? heldTimes[0] : 0;
        sink.start(new RecordingHeader(source, rateHz, startS, channels, metadata));

        float[] missing = new float[width];
        Arrays.fill(missing, Float.NaN);
        for (int i = 0; i < n; i++) {
            if (hasTime && i > 0) {
                checkStep(heldTimes[i], heldLines[i], sink, missing, warnings);
            }
            previousTimeS = heldTimes[i];
            sink.accept(held[i]);
        }
        if (status == DelimitedRowParser.ROW) {
            float[] row = held[0];
            while ((status = rows.next(row)) == DelimitedRowParser.ROW) {
                if (hasTime) {
                    double t = rows.time();
                    checkStep(t, rows.lastLine(), sink, missing, warnings);
                    previousTimeS = t;
                }
                sink.accept(row);
            }
            if (status == DelimitedRowParser.CUT) {
                warnings.add(cutWarning());
            }
        }
        if (gaps > MAX_GAP_WARNINGS) {
            warnings.add(file + ": " + (gaps - MAX_GAP_WARNINGS) + " more time gaps filled with missing samples; "
                    + filledRows + " samples filled in all");
        }
        rows.addLenientWarnings(warnings);
        sink.end(warnings);
    }

    private String cutWarning() {
        return file + ":" + rows.cutLine() + ": the last line was cut short (the recording was interrupted); left out";
    }

    private void checkStep(double t, long line, SampleSink sink, float[] missing, List<String> warnings)
            throws DataFormatException {
        double dt = t - previousTimeS;
        if (!(dt > 0)) {
            throw new DataFormatException(file, line, 1, "time " + t + " s does not increase (previous row: "
                    + previousTimeS + " s); expected rows in time order");
        }
        if (Double.isNaN(periodS)) {
            return;
        }
        double k = Math.rint(dt / periodS);
        if (k < 1 || Math.abs(dt - k * periodS) > STEP_TOLERANCE * periodS) {
            throw new DataFormatException(file, line, 1, "irregular time step of " + dt + " s (from " + previousTimeS
                    + " to " + t + " s); expected " + periodS + " s or a whole multiple of it (a gap)");
        }
        if (k > 1) {
            long fill = (long) k - 1;
            if (fill * periodS > MAX_GAP_S) {
                throw new DataFormatException(file, line, 1, "time jumps by " + dt + " s (from " + previousTimeS + " to "
                        + t + " s); gaps longer than " + MAX_GAP_S + " s are not filled: split the file there");
            }
            for (long i = 0; i < fill; i++) {
                sink.accept(missing);
            }
            gaps++;
            filledRows += fill;
            if (gaps <= MAX_GAP_WARNINGS) {
                warnings.add(file + ":" + line + ": time jumps from " + previousTimeS + " to " + t + " s; "
                        + fill + " missing sample" + (fill == 1 ? "" : "s") + " filled with NaN");
            }
        }
    }

    /** {@code 1 / median step} of the held rows, snapped to 0.001 Hz when within 1 ppm. */
    private double estimateRateHz(double[] times, long[] lines, int n) throws DataFormatException {
        double[] steps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            steps[i - 1] = times[i] - times[i - 1];
            if (!(steps[i - 1] > 0)) {
                throw new DataFormatException(file, lines[i], 1, "time " + times[i] + " s does not increase (previous row: "
                        + times[i - 1] + " s); expected rows in time order");
            }
        }
        Arrays.sort(steps);
        int m = steps.length / 2;
        double median = steps.length % 2 == 1 ? steps[m] : 0.5 * (steps[m - 1] + steps[m]);
        double rate = 1 / median;
        double snapped = Math.rint(rate * 1000) / 1000;
        return snapped > 0 && Math.abs(snapped - rate) <= 1e-6 * rate ? snapped : rate;
    }
}
