package org.soleus.io.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.soleus.core.analysis.LegLoadAnalysis;
import org.soleus.core.analysis.LegSeries;
import org.soleus.core.recording.Side;
import org.soleus.core.soleus.SoleusShareModel;

/**
 * Writes the derived per-sample signals of a {@link LegLoadAnalysis} as CSV
 * ({@code series.csv}): a {@code time_s} column, then per leg (left first) the signals it has,
 * named like recording channels:
 * <ul>
 *   <li>{@code <side>.knee.flexion_deg} (2 decimals), with thigh and shank IMUs;</li>
 *   <li>{@code <side>.ankle.plantarflexion_deg} (2), with shank and foot IMUs whose joint axes
 *       were found (for a leg that has a moment or a knee angle too);</li>
 *   <li>{@code <side>.ankle.pf_moment_nm} (3), {@code <side>.ankle.pf_moment_nm_kg} (4, with a
 *       body mass) and {@code <side>.achilles.force_n} (1), with insole force and centre of
 *       pressure;</li>
 *   <li>{@code <side>.soleus.dominant} (0/1) and the modelled {@code <side>.soleus.share} (3),
 *       with both and a body mass.</li>
 * </ul>
 * One row per sample of the recording; an empty cell where a signal (or, for the soleus
 * columns, the knee angle or the moment) is missing. Time has 4
 * decimals up to 1 kHz and 6 above. Definitions: {@code docs/outputs.md}. Stateless and
 * thread-safe.
 */
public final class SeriesCsv {

    private SeriesCsv() {
    }

    /** The columns {@link #write} writes for {@code legs}, {@code time_s} first. */
    public static List<String> header(LegLoadAnalysis legs, double bodyMassKg) {
        List<String> names = new ArrayList<>();
        names.add("time_s");
        for (Column c : columns(legs, bodyMassKg)) {
            names.add(c.name);
        }
        return names;
    }

    /**
     * Writes the header and one row per sample.
     *
     * @param legs         the analysis whose signals are written
     * @param samples      samples in the recording
     * @param sampleRateHz the recording's sample rate, Hz
     * @param startTimeS   time of its first sample, s
     * @param bodyMassKg   body mass, kg, or NaN (no per-kg column then)
     * @param out          where to write; not closed
     */
    public static void write(LegLoadAnalysis legs, int samples, double sampleRateHz, double startTimeS,
                             double bodyMassKg, Writer out) throws IOException {
        List<Column> columns = columns(legs, bodyMassKg);
        out.write(String.join(",", header(legs, bodyMassKg)));
        out.write('\n');
        int timeDecimals = sampleRateHz <= 1000 ? 4 : 6;
        CsvLine row = new CsvLine(32 + 12 * columns.size());
        for (int i = 0; i < samples; i++) {
            Decimals.append(row.clear(), startTimeS + i / sampleRateHz, timeDecimals);
            for (Column c : columns) {
                c.append(row.append(','), i);
            }
            row.append('\n').writeTo(out);
        }
    }

    private static List<Column> columns(LegLoadAnalysis legs, double bodyMassKg) {
        List<Column> columns = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            LegSeries leg = legs.legs().get(side);
            if (leg == null) {
                continue;
            }
            String prefix = side.label() + '.';
            double[] knee = leg.kneeFlexionDeg();
            double[] moment = leg.momentNm();
            if (knee != null) {
                columns.add(new Column(prefix + "knee.flexion_deg", knee, 1, 2));
            }
            if (leg.plantarFlexionDeg() != null) {
                columns.add(new Column(prefix + "ankle.plantarflexion_deg", leg.plantarFlexionDeg(), 1, 2));
            }
            if (moment != null) {
                columns.add(new Column(prefix + "ankle.pf_moment_nm", moment, 1, 3));
                if (bodyMassKg > 0) {
                    columns.add(new Column(prefix + "ankle.pf_moment_nm_kg", moment, 1 / bodyMassKg, 4));
                }
                columns.add(new Column(prefix + "achilles.force_n", leg.achillesN(), 1, 1));
            }
            if (leg.soleusDominant() != null) {
                columns.add(new Flag(prefix + "soleus.dominant", leg.soleusDominant(), knee, moment));
                columns.add(new Share(prefix + "soleus.share", knee, moment));
            }
        }
        return columns;
    }

    /** A column scaled from one derived signal. */
    private static class Column {
        final String name;
        private final double[] values;
        private final double scale;
        private final int decimals;

        Column(String name, double[] values, double scale, int decimals) {
            this.name = name;
            this.values = values;
            this.scale = scale;
            this.decimals = decimals;
        }

        void append(CsvLine row, int i) {
            Decimals.append(row, values[i] * scale, decimals);
        }
    }

    /** The soleus-dominant flag as 0/1; empty where the knee angle or the moment is missing. */
    private static final class Flag extends Column {
        private final boolean[] flags;
        private final double[] knee;
        private final double[] moment;

        Flag(String name, boolean[] flags, double[] knee, double[] moment) {
            super(name, null, 1, 0);
            this.flags = flags;
            this.knee = knee;
            this.moment = moment;
        }

        @Override
        void append(CsvLine row, int i) {
            if (!Double.isNaN(knee[i]) && !Double.isNaN(moment[i])) {
                row.append(flags[i] ? '1' : '0');
            }
        }
    }

    /** The modelled soleus share of the knee angle, where the moment is known. */
    private static final class Share extends Column {
        private final double[] knee;
        private final double[] moment;

        Share(String name, double[] knee, double[] moment) {
            super(name, null, 1, 3);
            this.knee = knee;
            this.moment = moment;
        }

        @Override
        void append(CsvLine row, int i) {
            if (!Double.isNaN(moment[i])) {
                Decimals.append(row, SoleusShareModel.share(knee[i]), 3);
            }
        }
    }
}
