package org.soleus.core.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SciPy reference values from {@code src/test/resources/filter} (written by {@code make_reference.py}). */
final class ReferenceData {
    private ReferenceData() {
    }

    /** One Butterworth design: SciPy's sos rows, sosfilt_zi rows and default sosfiltfilt padlen. */
    record Design(String kind, int order, double cutoffHz, double sampleRateHz, int padLength,
                  List<double[]> sections, List<double[]> steadyStates) {
        SecondOrderSections ours() {
            return kind.equals("lowpass")
                    ? Butterworth.lowPass(order, cutoffHz, sampleRateHz)
                    : Butterworth.highPass(order, cutoffHz, sampleRateHz);
        }

        @Override
        public String toString() {
            return kind + " order " + order + ", " + cutoffHz + " Hz at " + sampleRateHz + " Hz";
        }
    }

    /** One filtered signal: input and SciPy's sosfilt, sosfilt with zi × x[0], and sosfiltfilt outputs. */
    record Signal(String name, Design design, long seed, double[] x, double[] causal, double[] causalSteady,
                  double[] zeroPhase) {
    }

    static List<Design> designs() {
        Map<String, Design> byKey = new LinkedHashMap<>();
        for (String[] f : rows("butterworth_sos.csv")) {
            String key = f[0] + "," + f[1] + "," + f[2] + "," + f[3];
            Design d = byKey.computeIfAbsent(key, k -> new Design(f[0], Integer.parseInt(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Integer.parseInt(f[4]),
                    new ArrayList<>(), new ArrayList<>()));
            d.sections().add(numbers(f, 6, 6));
            d.steadyStates().add(numbers(f, 12, 2));
        }
        return new ArrayList<>(byKey.values());
    }

    static List<Signal> signals() {
        List<Design> designs = designs();
        List<Signal> signals = new ArrayList<>();
        for (String[] f : rows("signal_cases.csv")) {
            Design design = designs.stream()
                    .filter(d -> d.kind().equals(f[1]) && d.order() == Integer.parseInt(f[2])
                            && d.cutoffHz() == Double.parseDouble(f[3]) && d.sampleRateHz() == Double.parseDouble(f[4]))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no design for case " + f[0]));
            List<String[]> data = rows("signal_" + f[0] + ".csv");
            double[][] columns = new double[4][data.size()];
            for (int i = 0; i < data.size(); i++) {
                for (int c = 0; c < 4; c++) {
                    columns[c][i] = Double.parseDouble(data.get(i)[c]);
                }
            }
            signals.add(new Signal(f[0], design, Long.parseLong(f[7]), columns[0], columns[1], columns[2],
                    columns[3]));
        }
        if (signals.isEmpty() || signals.stream().anyMatch(s -> s.x().length == 0)) {
            throw new IllegalStateException("signal_cases.csv lists no signal, or one without samples: the tests that"
                    + " compare with SciPy would compare nothing");
        }
        return signals;
    }

    /** Data rows of a CSV resource: comment lines (#) and the header skipped. */
    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream("/filter/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource filter/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static double[] numbers(String[] fields, int from, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = Double.parseDouble(fields[from + i]);
        }
        return v;
    }

    /** Largest absolute value, at least 1: the scale for "relative to the signal" tolerances. */
    static double scale(double[] v) {
        double max = 1.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
