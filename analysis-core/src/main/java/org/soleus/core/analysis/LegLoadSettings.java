package org.soleus.core.analysis;

import java.util.Objects;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.GivenFootGeometry;
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
 * @param givenGeometry    foot dimensions given for both feet, winning over what the recording states
 *                         ({@link GivenFootGeometry#NONE}: the recording's)
 * @param soleus           when a sample counts as soleus-dominant
 * @param calfRaise        calf-raise detection thresholds
 */
public record LegLoadSettings(PlantarFlexionSettings plantarFlexion, GivenFootGeometry givenGeometry,
                              SoleusSettings soleus, CalfRaiseSettings calfRaise) {
    /** The documented defaults of each part, the geometry from the recording. */
    public static final LegLoadSettings DEFAULTS = new LegLoadSettings(PlantarFlexionSettings.DEFAULTS,
            GivenFootGeometry.NONE, SoleusSettings.DEFAULTS, CalfRaiseSettings.DEFAULTS);

    public LegLoadSettings {
        Objects.requireNonNull(plantarFlexion, "plantarFlexion");
        Objects.requireNonNull(givenGeometry, "givenGeometry");
        Objects.requireNonNull(soleus, "soleus");
        Objects.requireNonNull(calfRaise, "calfRaise");
    }

    /** The geometry of one foot of a recording: the given parts, else what the recording states, else the default. */
    public FootGeometry geometry(RecordingMetadata metadata, Side side) {
        return givenGeometry.of(metadata, side, plantarFlexion.geometry());
    }
}
