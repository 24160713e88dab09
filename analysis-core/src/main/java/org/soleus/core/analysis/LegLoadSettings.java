package org.soleus.core.analysis;

import java.util.Objects;
import org.soleus.core.ankle.PlantarFlexionSettings;
import org.soleus.core.exercise.CalfRaiseSettings;
import org.soleus.core.soleus.SoleusSettings;

/**
 * Settings of {@link LegLoadAnalyzer}. The foot geometry of {@code plantarFlexion} is the
 * fallback for a foot whose recording states none ({@link org.soleus.core.ankle.FootGeometry#from}).
 *
 * @param plantarFlexion moment arm, default foot geometry and moment threshold
 * @param soleus         when a sample counts as soleus-dominant
 * @param calfRaise      calf-raise detection thresholds
 */
public record LegLoadSettings(PlantarFlexionSettings plantarFlexion, SoleusSettings soleus,
                              CalfRaiseSettings calfRaise) {
    /** The documented defaults of each part. */
    public static final LegLoadSettings DEFAULTS = new LegLoadSettings(PlantarFlexionSettings.DEFAULTS,
            SoleusSettings.DEFAULTS, CalfRaiseSettings.DEFAULTS);

    public LegLoadSettings {
        Objects.requireNonNull(plantarFlexion, "plantarFlexion");
        Objects.requireNonNull(soleus, "soleus");
        Objects.requireNonNull(calfRaise, "calfRaise");
    }
}
