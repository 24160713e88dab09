package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.exercise.CalfRaiseKind;
import org.soleus.core.exercise.CalfRaiseRepetition;
import org.soleus.core.recording.Side;

final class ExercisesCsvTest {

    @Test
    void writesHeaderAndRowsInTimeOrderWithEmptyCellsForNaN() throws IOException {
        CalfRaiseRepetition right = new CalfRaiseRepetition(Side.RIGHT, 0, 0, 4.5, 7.55, 2.68, 0.4712, 24.996, 358.25, 0.5217,
                344.0, 40.04, CalfRaiseKind.STANDING_BENT_KNEE, false, false);
        CalfRaiseRepetition left = new CalfRaiseRepetition(Side.LEFT, 0, 0, 4.5, 7.5, 0, 0.19, Double.NaN, 85.1, Double.NaN, 68.6,
                Double.NaN, CalfRaiseKind.SEATED, true, true);
        CalfRaiseRepetition early = new CalfRaiseRepetition(Side.RIGHT, 1, 2, 1, 2, 0.5, 0.3, 8.123, 100, 0.15, 100, 89.999,
                CalfRaiseKind.SEATED, true, false);
        StringWriter out = new StringWriter();
        ExercisesCsv.write(List.of(right, left, early), out);
        assertEquals(List.of(
                ExercisesCsv.HEADER,
                "right,1,2,seated,1.0000,2.0000,1.0000,0.5000,0.5000,0.3000,8.12,100.00,0.1500,100.00,90.00,1,0",
                "left,0,0,seated,4.5000,7.5000,3.0000,0.0000,0.0000,0.1900,,85.10,,68.60,,1,1",
                "right,0,0,standing_bent_knee,4.5000,7.5500,3.0500,2.6800,0.8787,0.4712,25.00,358.25,0.5217,344.00,40.04,0,0"),
                out.toString().lines().toList());
    }

    @Test
    void roundTripsEveryColumnWithinItsDecimals() throws IOException {
        long seed = 7;
        Random random = new Random(seed);
        CalfRaiseKind[] kinds = CalfRaiseKind.values();
        List<CalfRaiseRepetition> reps = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < 50; i++) {
            t += 1 + 5 * random.nextDouble();
            double d = 0.5 + 5 * random.nextDouble();
            reps.add(new CalfRaiseRepetition(random.nextBoolean() ? Side.LEFT : Side.RIGHT, i / 10, i % 10, t, t + d,
                    d * random.nextDouble(), random.nextDouble(), random.nextInt(4) == 0 ? Double.NaN : 40 * random.nextDouble(),
                    1000 * random.nextDouble(), random.nextDouble(),
                    800 * random.nextDouble(), 100 * random.nextDouble(), kinds[random.nextInt(kinds.length)],
                    random.nextBoolean(), random.nextBoolean()));
            t += d;
        }
        StringWriter out = new StringWriter();
        ExercisesCsv.write(reps, out);
        List<String> lines = out.toString().lines().toList();
        assertEquals(ExercisesCsv.HEADER, lines.get(0));
        assertEquals(reps.size() + 1, lines.size());
        int columns = ExercisesCsv.HEADER.split(",").length;
        for (int i = 0; i < reps.size(); i++) {
            CalfRaiseRepetition r = reps.get(i);
            String[] c = lines.get(i + 1).split(",", -1);
            String where = "seed " + seed + ", row " + (i + 1) + ": " + lines.get(i + 1);
            assertEquals(columns, c.length, where);
            CalfRaiseRepetition back = new CalfRaiseRepetition(Side.parse(c[0]), Integer.parseInt(c[1]),
                    Integer.parseInt(c[2]), Double.parseDouble(c[4]), Double.parseDouble(c[5]), Double.parseDouble(c[7]),
                    Double.parseDouble(c[9]), c[10].isEmpty() ? Double.NaN : Double.parseDouble(c[10]),
                    Double.parseDouble(c[11]), Double.parseDouble(c[12]), Double.parseDouble(c[13]),
                    Double.parseDouble(c[14]), r.kind(), c[15].equals("1"), c[16].equals("1"));
            assertEquals(r.side(), back.side(), where);
            assertEquals(r.set(), back.set(), where);
            assertEquals(r.index(), back.index(), where);
            assertEquals(r.kind().label(), c[3], where);
            assertEquals(r.startS(), back.startS(), 5e-5, where);
            assertEquals(r.endS(), back.endS(), 5e-5, where);
            assertEquals(r.durationS(), Double.parseDouble(c[6]), 5e-5, where);
            assertEquals(r.heelOffS(), back.heelOffS(), 5e-5, where);
            assertEquals(r.heelOffShare(), Double.parseDouble(c[8]), 5e-5, where);
            assertEquals(r.copTravelNorm(), back.copTravelNorm(), 5e-5, where);
            assertEquals(Double.isNaN(r.heelRiseDeg()), c[10].isEmpty(), where);
            assertEquals(r.heelRiseDeg(), back.heelRiseDeg(), 5e-3, where);
            assertEquals(r.peakForefootN(), back.peakForefootN(), 5e-3, where);
            assertEquals(r.peakForefootBw(), back.peakForefootBw(), 5e-5, where);
            assertEquals(r.meanForceN(), back.meanForceN(), 5e-3, where);
            assertEquals(r.meanKneeFlexionDeg(), back.meanKneeFlexionDeg(), 5e-3, where);
            assertEquals(r.tooFast(), back.tooFast(), where);
            assertEquals(r.tooShallow(), back.tooShallow(), where);
        }
    }
}
