package org.soleus.io.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.soleus.core.synthetic.CalfRaiseRep;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.TruthEvent;
import org.soleus.core.synthetic.TruthStride;
import org.soleus.io.format.RecordingWriter;

/**
 * Writes a synthetic session as five files named after a base name:
 * <ul>
 *   <li>{@code <base>.csv}: the sensor channels, in the CSV recording format (readable by
 *       {@code soleus analyze} like any recording);</li>
 *   <li>{@code <base>.truth.csv}: the truth channels on the same time base, same format;</li>
 *   <li>{@code <base>.events.csv}: {@code side,event,time_s}, every heel strike and toe off;</li>
 *   <li>{@code <base>.strides.csv}: {@code side,index,start_s,toe_off_s,end_s,terrain,load_factor};</li>
 *   <li>{@code <base>.reps.csv}: {@code set,index,start_s,top_s,end_s,knee_flexion_deg,heel_rise_deg,seated}.</li>
 * </ul>
 * Times are written with 6 decimals. Stateless and thread-safe.
 */
public final class SyntheticRecordingFiles {
    private SyntheticRecordingFiles() {
    }

    /**
     * Writes the files into {@code directory} (created if missing; existing files replaced).
     *
     * @return the path of the sensor recording
     */
    public static Path write(SyntheticRecording synthetic, Path directory, String baseName) throws IOException {
        if (baseName.isEmpty() || baseName.contains("/") || baseName.contains("\\")) {
            throw new IllegalArgumentException("base name must be a plain file name without directories, got '"
                    + baseName + "'");
        }
        Files.createDirectories(directory);
        Path sensors = directory.resolve(baseName + ".csv");
        RecordingWriter.write(synthetic.sensors(), sensors, RecordingWriter.Options.DEFAULTS);
        RecordingWriter.write(synthetic.truth(), directory.resolve(baseName + ".truth.csv"), RecordingWriter.Options.DEFAULTS);
        try (Writer w = Files.newBufferedWriter(directory.resolve(baseName + ".events.csv"), StandardCharsets.UTF_8)) {
            w.write("side,event,time_s\n");
            for (TruthEvent e : sortedEvents(synthetic.events())) {
                w.write(e.side().label() + ',' + e.type().label() + ',' + time(e.timeS()) + '\n');
            }
        }
        try (Writer w = Files.newBufferedWriter(directory.resolve(baseName + ".strides.csv"), StandardCharsets.UTF_8)) {
            w.write("side,index,start_s,toe_off_s,end_s,terrain,load_factor\n");
            for (TruthStride s : synthetic.strides()) {
                w.write(s.stride().side().label() + ',' + s.index() + ',' + time(s.stride().startS()) + ','
                        + time(s.stride().toeOffS()) + ',' + time(s.stride().endS()) + ',' + s.terrain().label() + ','
                        + String.format(Locale.ROOT, "%.3f", s.loadFactor()) + '\n');
            }
        }
        try (Writer w = Files.newBufferedWriter(directory.resolve(baseName + ".reps.csv"), StandardCharsets.UTF_8)) {
            w.write("set,index,start_s,top_s,end_s,knee_flexion_deg,heel_rise_deg,seated\n");
            for (CalfRaiseRep r : synthetic.reps()) {
                w.write(r.set() + "," + r.index() + ',' + time(r.startS()) + ',' + time(r.topS()) + ',' + time(r.endS())
                        + ',' + String.format(Locale.ROOT, "%.1f,%.1f", r.kneeFlexionDeg(), r.heelRiseDeg()) + ','
                        + (r.seated() ? 1 : 0) + '\n');
            }
        }
        return sensors;
    }

    private static List<TruthEvent> sortedEvents(List<TruthEvent> events) {
        return events.stream()
                .sorted((a, b) -> a.timeS() != b.timeS() ? Double.compare(a.timeS(), b.timeS())
                        : a.side().compareTo(b.side()))
                .toList();
    }

    private static String time(double s) {
        return String.format(Locale.ROOT, "%.6f", s);
    }
}
