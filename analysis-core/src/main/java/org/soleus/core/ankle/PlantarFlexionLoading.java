package org.soleus.core.ankle;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.gait.Stride;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * Batch plantar-flexion load: the moment series of a recording's insole, and per-stride figures
 * ({@link PlantarFlexionLoad}) from moment and tendon-force series. Computes the same numbers as
 * {@link PlantarFlexionStream}, sample by sample. Stateless and thread-safe.
 */
public final class PlantarFlexionLoading {
    /** Standard gravity, m/s², for body weight = mass × g. */
    public static final double STANDARD_GRAVITY_MPS2 = 9.80665;

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
     * The plantar-flexor moment series of one foot from its {@code force_n} and {@code cop_y_norm}
     * insole channels.
     *
     * @throws IllegalArgumentException when the recording lacks either channel (a CoP in cell
     *                                  coordinates, {@code cop_y_m} or {@code cop_y_au}, does not
     *                                  say where the heel edge is and is not used)
     */
    public static double[] momentNm(Recording recording, Side side, FootGeometry geometry) {
        Channel force = recording.find(forceChannel(side)).orElseThrow(() -> missing(recording, forceChannel(side)));
        Channel cop = recording.find(copChannel(side)).orElseThrow(() -> missing(recording, copChannel(side)));
        return PlantarFlexionMoment.momentNm(force.toDoubleArray(), cop.toDoubleArray(), geometry);
    }

    private static IllegalArgumentException missing(Recording recording, ChannelName name) {
        return new IllegalArgumentException("no channel " + name + " in " + recording.source()
                + "; plantar-flexion load needs <side>.insole.force_n and <side>.insole.cop_y_norm");
    }

    /**
     * Figures of the samples {@code [from, to)}.
     *
     * @param momentNm         moment series, N·m (NaN = missing)
     * @param achillesN        tendon-force series of the same length, N
     * @param from             first sample
     * @param to               one past the last sample
     * @param sampleRateHz     sample rate, Hz
     * @param startTimeS       time of {@code momentNm[0]}, s
     * @param bodyMassKg       body mass, kg, or NaN
     * @param thresholdNmPerKg threshold for the time above it, N·m/kg
     */
    public static PlantarFlexionLoad window(double[] momentNm, double[] achillesN, int from, int to,
                                            double sampleRateHz, double startTimeS, double bodyMassKg,
                                            double thresholdNmPerKg) {
        if (achillesN.length != momentNm.length) {
            throw new IllegalArgumentException("moment has " + momentNm.length + " samples but tendon force has "
                    + achillesN.length);
        }
        if (from < 0 || to > momentNm.length || from >= to) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") must be non-empty and within "
                    + momentNm.length + " samples");
        }
        double dt = 1.0 / sampleRateHz;
        int peak = -1;
        double peakAchilles = Double.NaN;
        double impulse = 0;
        int above = 0;
        int missing = 0;
        for (int i = from; i < to; i++) {
            double m = momentNm[i];
            if (Double.isNaN(m)) {
                missing++;
                continue;
            }
            if (peak < 0 || m > momentNm[peak]) {
                peak = i;
            }
            if (Double.isNaN(peakAchilles) || achillesN[i] > peakAchilles) {
                peakAchilles = achillesN[i];
            }
            impulse += Math.max(0, m) * dt;
            if (m / bodyMassKg >= thresholdNmPerKg) {
                above++;
            }
        }
        double peakMoment = peak < 0 ? Double.NaN : momentNm[peak];
        return new PlantarFlexionLoad(peakMoment, peakMoment / bodyMassKg,
                peak < 0 ? Double.NaN : startTimeS + peak * dt, peakAchilles,
                peakAchilles / (bodyMassKg * STANDARD_GRAVITY_MPS2), impulse,
                Double.isNaN(bodyMassKg) ? Double.NaN : above * dt, missing);
    }

    /**
     * Figures of each stride, heel strike to the next heel strike (samples
     * {@code [round((startS − t0) · fs), round((endS − t0) · fs))}, clipped to the series).
     *
     * @param strides strides of one foot on the series' time base
     * @return one entry per stride, in order; strides wholly outside the series are left out
     */
    public static List<PlantarFlexionLoad> strides(double[] momentNm, double[] achillesN, double sampleRateHz,
                                                   double startTimeS, List<Stride> strides, double bodyMassKg,
                                                   double thresholdNmPerKg) {
        List<PlantarFlexionLoad> out = new ArrayList<>(strides.size());
        for (Stride s : strides) {
            int from = Math.max(0, (int) Math.round((s.startS() - startTimeS) * sampleRateHz));
            int to = Math.min(momentNm.length, (int) Math.round((s.endS() - startTimeS) * sampleRateHz));
            if (from < to) {
                out.add(window(momentNm, achillesN, from, to, sampleRateHz, startTimeS, bodyMassKg, thresholdNmPerKg));
            }
        }
        return out;
    }
}
