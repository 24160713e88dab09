package org.soleus.io.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.soleus.core.exercise.CalfRaiseRepetition;

/**
 * Writes calf-raise repetitions ({@link org.soleus.core.exercise.CalfRaiseAnalysis}) as CSV:
 * header {@value #HEADER}, one row per repetition in order of start time (left before right on
 * ties), flags as {@code 0}/{@code 1}, an empty cell for a value that could not be measured.
 * Columns are described in {@code docs/outputs.md}. Stateless and thread-safe.
 */
public final class ExercisesCsv {

    /** The header line. */
    public static final String HEADER = "side,set,rep,kind,start_s,end_s,duration_s,heel_off_s,heel_off_share,"
            + "cop_travel_norm,heel_rise_deg,peak_forefoot_n,peak_forefoot_bw,mean_force_n,mean_knee_flexion_deg,too_fast,too_shallow";

    private ExercisesCsv() {
    }

    /**
     * Writes the header and one row per repetition, sorted by start time, then side. Does not
     * close {@code out}.
     */
    public static void write(List<CalfRaiseRepetition> reps, Writer out) throws IOException {
        List<CalfRaiseRepetition> sorted = new ArrayList<>(reps);
        sorted.sort(Comparator.comparingDouble(CalfRaiseRepetition::startS).thenComparing(CalfRaiseRepetition::side));
        out.write(HEADER);
        out.write('\n');
        CsvLine row = new CsvLine(176);
        for (CalfRaiseRepetition r : sorted) {
            row.clear().append(r.side().label()).append(',').append(r.set()).append(',').append(r.index()).append(',')
                    .append(r.kind().label()).append(',');
            Decimals.append(row, r.startS(), 4).append(',');
            Decimals.append(row, r.endS(), 4).append(',');
            Decimals.append(row, r.durationS(), 4).append(',');
            Decimals.append(row, r.heelOffS(), 4).append(',');
            Decimals.append(row, r.heelOffShare(), 4).append(',');
            Decimals.append(row, r.copTravelNorm(), 4).append(',');
            Decimals.append(row, r.heelRiseDeg(), 2).append(',');
            Decimals.append(row, r.peakForefootN(), 2).append(',');
            Decimals.append(row, r.peakForefootBw(), 4).append(',');
            Decimals.append(row, r.meanForceN(), 2).append(',');
            Decimals.append(row, r.meanKneeFlexionDeg(), 2).append(',');
            row.append(r.tooFast() ? '1' : '0').append(',').append(r.tooShallow() ? '1' : '0').append('\n');
            row.writeTo(out);
        }
    }
}
