package org.soleus.io.analysis;

import java.util.Objects;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.format.ReadOptions;

/**
 * How {@link RecordingAnalysis} analyses each recording.
 *
 * @param read              the format (null: detected per file), rate and body mass that win over
 *                          the file's
 * @param calibration       converts raw cell counts to newtons while reading, or null
 * @param calibrationSource the calibration's file, named in its warnings; null without a calibration
 * @param gait              the gait analysis's settings (filter, detector, stride limits)
 * @param legs              the leg-load settings
 * @param imu               use foot or shank IMUs for the gait events even where the insoles give
 *                          force (a recording without insole force uses them regardless)
 * @param series            write {@code series.csv} too
 * @param toolVersion       the version written into {@code summary.json}
 */
public record AnalysisSettings(ReadOptions read, Calibration calibration, String calibrationSource,
                               GaitSettings gait, LegLoadSettings legs, boolean imu, boolean series,
                               String toolVersion) {
    /** Checks that the parts are given, and that a calibration comes with its source. */
    public AnalysisSettings {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(gait, "gait");
        Objects.requireNonNull(legs, "legs");
        Objects.requireNonNull(toolVersion, "toolVersion");
        if (calibration != null && calibrationSource == null) {
            throw new IllegalArgumentException("a calibration needs its source (the file it came from) for its warnings");
        }
    }
}
