package org.soleus.core.analysis;

import java.util.Objects;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionSettings;
import org.soleus.core.exercise.CalfRaiseSettings;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;
import org.soleus.core.soleus.SoleusSettings;

/**
 * Settings of {@link LegLoadAnalyzer}.
 *
 * @param plantarFlexion   moment arm, moment threshold, and the foot geometry for a foot whose
 *                         recording states none ({@link FootGeometry#from(RecordingMetadata, Side, FootGeometry)})
 * @param geometryOverride a foot geometry for both feet whatever the recording states, or null
 * @param soleus           when a sample counts as soleus-dominant
 * @param calfRaise        calf-raise detection thresholds
 */
public record LegLoadSettings(PlantarFlexionSettings plantarFlexion, FootGeometry geometryOverride,
                              SoleusSettings soleus, CalfRaiseSettings calfRaise) {
    /** The documented defaults of each part, the geometry from the recording. */
    public static final LegLoadSettings DEFAULTS = new LegLoadSettings(PlantarFlexionSettings.DEFAULTS, null,
            SoleusSettings.DEFAULTS, CalfRaiseSettings.DEFAULTS);

    public LegLoadSettings {
        Objects.requireNonNull(plantarFlexion, "plantarFlexion");
        Objects.requireNonNull(soleus, "soleus");
        Objects.requireNonNull(calfRaise, "calfRaise");
    }

    /** The geometry of one foot of a recording: the override, else what the recording states, else the default. */
    public FootGeometry geometry(RecordingMetadata metadata, Side side) {
        return geometryOverride != null ? geometryOverride
                : FootGeometry.from(metadata, side, plantarFlexion.geometry());
    }
}
