package org.soleus.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Side;

/**
 * Heel strikes whose loading is slow or comes in stages, as in a slow walker's insole force: the
 * first step after standing is reported, a heel stage before the forefoot's loading gives the
 * heel strike where the heel loads, and load creeping on before the rise is no contact yet.
 * Piecewise-linear force in newtons at 100 Hz, the swing at the insole's unloaded 0 N (with
 * 1 N of noise, or without, as insoles in newtons read while unloaded), the events exactly
 * known.
 */
final class SlowLoadingTest {
    private static final double RATE_HZ = 100.0;
    private static final double PEAK_N = 880;
    private static final double FALL_S = 0.15;

    /** A step's loading: the force's corners after the heel strike, as (seconds after it, newtons). */
    private record Loading(double[] cornersS, double[] cornersN, double heelStrikeS) {
        static Loading of(double heelStrikeS, double... pairs) {
            double[] s = new double[pairs.length / 2];
            double[] n = new double[pairs.length / 2];
            for (int k = 0; k < s.length; k++) {
                s[k] = pairs[2 * k];
                n[k] = pairs[2 * k + 1];
            }
            return new Loading(s, n, heelStrikeS);
        }

        double durationS() {
            return cornersS[cornersS.length - 1];
        }

        double forceN(double t) {
            for (int k = 1; k < cornersS.length; k++) {
                if (t <= cornersS[k]) {
                    double share = (t - cornersS[k - 1]) / (cornersS[k] - cornersS[k - 1]);
                    return cornersN[k - 1] + share * (cornersN[k] - cornersN[k - 1]);
                }
            }
            return cornersN[cornersN.length - 1];
        }
    }

    /** A walk and where its heel strikes truly are. */
    private record Walk(double[] forceN, List<Double> heelStrikesS, double standingS) {
    }

    /**
     * {@code steps} steps after {@code standingS} of standing at 500 N (none when 0): each a
     * swing of {@code swingS} at 0 N, the loading, a stance at the peak until {@code stanceS}
     * after the loading began, and a fall to 0 N.
     */
    private static Walk walk(long seed, double standingS, int steps, double swingS, double stanceS, Loading loading) {
        return walk(seed, standingS, steps, swingS, stanceS, loading, 1.0);
    }

    /** {@link #walk} with {@code floorNoiseN} of noise in the swing. */
    private static Walk walk(long seed, double standingS, int steps, double swingS, double stanceS, Loading loading,
                             double floorNoiseN) {
        Random random = new Random(seed);
        List<Double> samples = new ArrayList<>();
        List<Double> heelStrikes = new ArrayList<>();
        for (double t = 0; t < standingS; t += 1 / RATE_HZ) {
            samples.add(500 + 20 * Math.sin(2 * Math.PI * 0.3 * t) + 3 * random.nextGaussian());
        }
        double fromN = standingS > 0 ? 500 : PEAK_N;
        for (double t = 0; t < FALL_S; t += 1 / RATE_HZ) {
            samples.add(fromN * (1 - t / FALL_S));
        }
        for (int step = 0; step < steps; step++) {
            for (double t = 0; t < swingS; t += 1 / RATE_HZ) {
                samples.add(floorNoiseN * Math.abs(random.nextGaussian()));
            }
            heelStrikes.add(samples.size() / RATE_HZ + loading.heelStrikeS());
            for (double t = 0; t < stanceS; t += 1 / RATE_HZ) {
                samples.add(t < loading.durationS() ? loading.forceN(t) : PEAK_N - 150 * Math.sin(Math.PI * (t
                        - loading.durationS()) / (stanceS - loading.durationS())));
            }
            for (double t = 0; t < FALL_S; t += 1 / RATE_HZ) {
                samples.add(PEAK_N * (1 - t / FALL_S));
            }
        }
        for (double t = 0; t < swingS; t += 1 / RATE_HZ) {
            samples.add(floorNoiseN * Math.abs(random.nextGaussian()));
        }
        return new Walk(samples.stream().mapToDouble(Double::doubleValue).toArray(), heelStrikes, standingS);
    }

    private static List<Double> heelStrikes(Walk walk) {
        return ContactEvents.detect(walk.forceN(), RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults()).stream()
                .filter(e -> e.type() == GaitEventType.HEEL_STRIKE).map(GaitEvent::timeS).toList();
    }

    /** Each true heel strike has a detected one within {@code toleranceSamples}; as many are detected. */
    private static void assertHeelStrikes(Walk walk, double toleranceSamples, String context) {
        List<Double> detected = heelStrikes(walk);
        assertEquals(walk.heelStrikesS().size(), detected.size(), context + ": heel strikes " + detected
                + ", true " + walk.heelStrikesS());
        for (int k = 0; k < detected.size(); k++) {
            double errorS = detected.get(k) - walk.heelStrikesS().get(k);
            assertTrue(Math.abs(errorS) <= toleranceSamples / RATE_HZ, context + ": heel strike " + k + " at "
                    + detected.get(k) + " s, true " + walk.heelStrikesS().get(k) + " s");
        }
    }

    /**
     * A slow walker stands, then walks: a swing of 0.7 s and a linear loading over 0.45 s, whose
     * rise from the release threshold to half the contact's height takes 0.16 s, longer than the
     * refinement window that a healthy adult's loading fits in. The warm-up still ends at the
     * first step, so that step's heel strike is reported with the others, and none falls in the
     * standing.
     */
    @Test
    void aSlowWalkersFirstStepAfterStandingIsReported() {
        Walk walk = walk(61, 3.0, 8, 0.7, 1.1, Loading.of(0, 0, 0, 0.45, PEAK_N));
        List<Double> detected = heelStrikes(walk);
        assertTrue(detected.stream().allMatch(t -> t > walk.standingS()), "heel strikes while standing: " + detected);
        assertHeelStrikes(walk, 1, "slow loading after standing");
    }

    /**
     * The heel loads to 200 N within 0.1 s, holds while the foot rolls (to 240 N in 0.08 s), and
     * the forefoot then loads to the peak: the heel strike is where the heel's rise leaves the
     * unloaded level, not the shoulder before the forefoot's loading, although the whole rise
     * to the contact threshold outlasts the refinement window. The swing reads 0 N, as an
     * insole in newtons does unloaded.
     */
    @Test
    void aHeelStageBeforeTheForefootGivesTheHeelStrikeWhereTheHeelLoads() {
        Walk walk = walk(62, 0, 30, 0.45, 0.7, Loading.of(0, 0, 0, 0.10, 200, 0.18, 240, 0.33, PEAK_N), 0);
        assertHeelStrikes(walk, 1, "heel stage");
    }

    /**
     * The same over an unloaded level with 1 N of noise: where the noise happens to rise all
     * through the window before the heel's rise, it is taken for load creeping on, and that heel
     * strike falls at the shoulder as without the heel stage's rule. Most fall where the heel
     * loads (0 to 3 of 30 at the shoulder over seeds 62–81, 0.65 on average), none later than the
     * shoulder.
     */
    @Test
    void aHeelStageOverANoisyUnloadedLevelMostlyGivesTheHeelStrikeWhereTheHeelLoads() {
        Walk walk = walk(64, 0, 30, 0.45, 0.7, Loading.of(0, 0, 0, 0.10, 200, 0.18, 240, 0.33, PEAK_N), 1);
        List<Double> detected = heelStrikes(walk);
        assertEquals(walk.heelStrikesS().size(), detected.size(), "heel strikes " + detected);
        int atTheHeel = 0;
        for (int k = 0; k < detected.size(); k++) {
            double errorS = detected.get(k) - walk.heelStrikesS().get(k);
            assertTrue(errorS >= -1 / RATE_HZ && errorS <= 0.18 + 1 / RATE_HZ, "heel strike " + k + " at "
                    + detected.get(k) + " s, true " + walk.heelStrikesS().get(k) + " s");
            atTheHeel += Math.abs(errorS) <= 1 / RATE_HZ + 1e-9 ? 1 : 0;
        }
        assertTrue(atTheHeel >= 26, atTheHeel + " of " + detected.size() + " where the heel loads");
    }

    /**
     * Load creeps on at the end of the swing (to 100 N over 0.4 s, a foot dragged before it is
     * set down), then the foot loads steeply: the heel strike is the steep rise, as before.
     */
    @Test
    void loadCreepingOnBeforeTheRiseIsNoContactYet() {
        Walk walk = walk(63, 0, 30, 0.45, 0.9, Loading.of(0.40, 0, 0, 0.40, 100, 0.50, PEAK_N));
        assertHeelStrikes(walk, 2, "creeping load");
    }
}
