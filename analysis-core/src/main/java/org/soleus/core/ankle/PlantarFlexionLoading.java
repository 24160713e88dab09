package org.soleus.core.ankle;

import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Side;

/**
 * Plantar-flexion load over arrays: the insole channels the moment comes from, and the figures
 * ({@link PlantarFlexionLoad}) of a span of samples, computed by driving a
 * {@link PlantarFlexionStream} over it. Stateless and thread-safe.
 */
public final class PlantarFlexionLoading {

    private PlantarFlexionLoading() {
    }

    /** {@code <side>.insole.force_n}: the vertical force channel used. */
    public static ChannelName forceChannel(Side side) {
        return ChannelName.of(side, "insole", "force", "n");
    }

    /** {@code <side>.insole.cop_y_norm}: the heel-to-toe CoP channel used (−0.5 … +0.5 of insole length). */
    public static ChannelName copChannel(Side side) {
        return ChannelName.of(side, "insole", "cop_y", "norm");
    }

    /**
     * Figures of the samples {@code [from, to)}: a {@link PlantarFlexionStream} fed those samples
     * as one stride.
     *
     * @param momentNm          moment series, N·m (NaN = missing)
     * @param plantarFlexionDeg ankle angles of the same length for an angle-dependent moment arm,
     *                          or null for the neutral arm
     * @param from              first sample
     * @param to                one past the last sample
     * @param sampleRateHz      sample rate, Hz
     * @param startTimeS        time of {@code momentNm[0]}, s
     * @param settings          the moment arm and the threshold for the time above it
     * @param bodyMassKg        body mass, kg, or NaN
     */
    public static PlantarFlexionLoad window(double[] momentNm, double[] plantarFlexionDeg, int from, int to,
                                            double sampleRateHz, double startTimeS, PlantarFlexionSettings settings,
                                            double bodyMassKg) {
        if (plantarFlexionDeg != null && plantarFlexionDeg.length != momentNm.length) {
            throw new IllegalArgumentException("moment has " + momentNm.length + " samples but ankle angle has "
                    + plantarFlexionDeg.length);
        }
        if (from < 0 || to > momentNm.length || from >= to) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") must be non-empty and within "
                    + momentNm.length + " samples");
        }
        PlantarFlexionStream stream = new PlantarFlexionStream(settings, sampleRateHz, bodyMassKg);
        stream.startStride(startTimeS + from / sampleRateHz);
        for (int i = from; i < to; i++) {
            stream.accept(momentNm[i], plantarFlexionDeg == null ? Double.NaN : plantarFlexionDeg[i]);
        }
        return stream.finishStride();
    }
}
