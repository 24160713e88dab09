package org.soleus.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.events.EventTimes.distanceToNearestS;
import static org.soleus.core.events.EventTimes.times;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.recording.Side;

final class ContactEventDetectorTest {
    private static final double RATE_HZ = 100.0;
    /** The detector's lock-loss span, s. */
    private static final double LOCK_LOSS_S = 3.0;
    /** The fewest events a comparison of two detections may rest on. */
    private static final int MIN_EVENTS_COMPARED = 40;

    @ParameterizedTest(name = "noise {1}, drift {2}, gain jitter {3}, amplitude {4}")
    @CsvSource({
        "11, 0.0, 0.0, 0.0, 700",
        "12, 0.01, 0.0, 0.0, 700",
        "13, 0.01, 0.05, 0.0, 700",
        "14, 0.01, 0.05, 0.3, 700",
        "15, 0.02, 0.08, 0.3, 3",
        "16, 0.01, 0.05, 0.3, 2500",
    })
    void findsEveryEventAccurately(long seed, double noise, double drift, double gainJitter, double amplitude) {
        SyntheticGait gait = new SyntheticGait(seed, RATE_HZ, 60, 2.5, 1.05, 0.62, amplitude, noise, drift, gainJitter);
        List<GaitEvent> events = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());

        // The warm-up ends during the first stance (the first step shows the amplitude); its
        // samples are then run through detection, so every event counts, the first heel strike too.
        List<Double> heelStrikes = times(events, GaitEventType.HEEL_STRIKE);
        List<Double> toeOffs = times(events, GaitEventType.TOE_OFF);
        List<Double> trueHeelStrikes = gait.heelStrikesS;
        List<Double> trueToeOffs = gait.toeOffsS;
        String context = "seed " + seed;
        assertEquals(trueHeelStrikes.size(), heelStrikes.size(), context + ": heel strikes " + heelStrikes);
        assertEquals(trueToeOffs.size(), toeOffs.size(), context + ": toe offs " + toeOffs);
        double[] heelStrikeErrors = errors(trueHeelStrikes, heelStrikes);
        double[] toeOffErrors = errors(trueToeOffs, toeOffs);
        double meanError = (sum(heelStrikeErrors) + sum(toeOffErrors)) / (heelStrikeErrors.length + toeOffErrors.length);
        double maxError = Math.max(max(heelStrikeErrors), max(toeOffErrors));
        assertTrue(meanError <= 1.0 / RATE_HZ, context + ": mean event error " + meanError + " s");
        assertTrue(maxError <= 7.0 / RATE_HZ, context + ": largest event error " + maxError + " s");
    }

    @Test
    void reportsEventsInTimeOrderAlternating() {
        SyntheticGait gait = new SyntheticGait(21, RATE_HZ, 30, 2.5, 1.0, 0.6, 600, 0.01, 0.05, 0.2);
        List<GaitEvent> events = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.RIGHT, ContactDetectorSettings.defaults());
        assertTrue(events.size() > 20);
        for (int k = 1; k < events.size(); k++) {
            assertTrue(events.get(k).timeS() > events.get(k - 1).timeS(), "event " + k + " out of order");
            assertTrue(events.get(k).type() != events.get(k - 1).type(), "event " + k + " does not alternate");
        }
    }

    @Test
    void shortDipsInStanceAndBumpsInSwingAreNotEvents() {
        SyntheticGait gait = new SyntheticGait(51, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.0, 0.0, 0.0);
        double[] x = gait.force.clone();
        int dips = 0;
        for (int k = 2; k < gait.heelStrikesS.size() - 1; k++) {
            double hs = gait.heelStrikesS.get(k);
            double to = gait.toeOffsS.get(k);
            int mid = (int) Math.round((hs + to) / 2 * RATE_HZ);
            for (int i = mid - 3; i <= mid + 3; i++) {
                x[i] = 40;   // 70 ms at 5 % of the amplitude: a dip, not a swing
            }
            int swing = (int) Math.round((to + gait.heelStrikesS.get(k + 1)) / 2 * RATE_HZ);
            for (int i = swing - 2; i <= swing + 2; i++) {
                x[i] = 500;  // 50 ms bump in swing: not a contact
            }
            dips++;
        }
        List<GaitEvent> clean = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> disturbed = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        assertTrue(dips > 20);
        assertEquals(clean.size(), disturbed.size(), "extra events: " + disturbed);
        for (int k = 0; k < clean.size(); k++) {
            assertEquals(clean.get(k).type(), disturbed.get(k).type());
            assertEquals(clean.get(k).timeS(), disturbed.get(k).timeS(), 0.03, "event " + k);
        }
    }

    /**
     * Loading in two stages, as with a heel-then-forefoot footfall: the heel loads the sensor to
     * 40 % of the peak over 50 ms, a shoulder follows for 40 ms, then the forefoot loads it to
     * the peak over 30 ms, more steeply. The heel strike is the start of the first stage, not
     * of the steepest one.
     */
    @Test
    void heelStrikeIsTheStartOfTheFirstLoadingStage() {
        long seed = 61;
        Random random = new Random(seed);
        double strideS = 1.1;
        double stanceS = 0.68;
        double amplitude = 700;
        double[] x = new double[(int) Math.round(40 * RATE_HZ)];
        List<Double> trueHeelStrikes = new ArrayList<>();
        for (double hs = 2.0; hs + strideS < 40; hs += strideS) {
            trueHeelStrikes.add(hs);
            for (int i = (int) Math.ceil(hs * RATE_HZ); i < (hs + stanceS) * RATE_HZ; i++) {
                x[i] = amplitude * twoStageStance(i / RATE_HZ - hs, stanceS);
            }
        }
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.005 * amplitude * random.nextGaussian();
        }
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<Double> heelStrikes = times(events, GaitEventType.HEEL_STRIKE);
        List<Double> truth = trueHeelStrikes;
        assertEquals(truth.size(), heelStrikes.size(), "seed " + seed + ": heel strikes " + heelStrikes);
        assertTrue(max(errors(truth, heelStrikes)) <= 2.0 / RATE_HZ,
                "seed " + seed + ": largest heel-strike error " + max(errors(truth, heelStrikes)) + " s");
    }

    /** Fraction of the peak load {@code t} seconds after the heel strike of a two-stage stance. */
    private static double twoStageStance(double t, double stanceS) {
        if (t < 0.05) {
            return 0.4 * t / 0.05;
        }
        if (t < 0.09) {
            return 0.4 + 0.02 * (t - 0.05) / 0.04;
        }
        if (t < 0.12) {
            return 0.42 + 0.58 * (t - 0.09) / 0.03;
        }
        return Math.min(1.0, (stanceS - t) / 0.1);
    }

    /**
     * Every event outside the warm-up is reported at most {@code maxReportDelaySamples} after it
     * happened, and never below a {@code reportFloor} given before it (which in ordinary walking
     * lags about half as far), with the defaults and with longer shortest contacts and swings and a longer
     * refinement window, on walks, on steps whose load lingers between the two thresholds
     * before the foot lifts, and on slow steps whose toe off comes as long before its release
     * crossing as the window at their tempo allows; with either event timing.
     */
    @ParameterizedTest(name = "refine {0} s, contact {1} s, swing {2} s, {3}")
    @CsvSource({
        "0.15, 0.10, 0.15, UNLOADED_BASELINE",
        "0.15, 0.35, 0.15, UNLOADED_BASELINE",
        "0.15, 0.10, 0.40, UNLOADED_BASELINE",
        "0.30, 0.30, 0.35, UNLOADED_BASELINE",
        "0.10, 0.00, 0.00, UNLOADED_BASELINE",
        "0.15, 0.10, 0.15, LOAD_LEVELS",
        "0.15, 0.35, 0.15, LOAD_LEVELS",
        "0.15, 0.10, 0.40, LOAD_LEVELS",
        "0.30, 0.30, 0.35, LOAD_LEVELS",
        "0.10, 0.00, 0.00, LOAD_LEVELS",
    })
    void everyEventIsReportedWithinTheMaximumDelay(double refineS, double minContactS, double minSwingS,
                                                   EventTiming timing) {
        ContactDetectorSettings settings = new ContactDetectorSettings(0.30, 0.15, refineS, minContactS, minSwingS, 1.0);
        int maxDelay = ContactEventDetector.maxReportDelaySamples(RATE_HZ, settings);
        SyntheticGait walk = new SyntheticGait(41, RATE_HZ, 60, 2.5, 1.2, 0.62, 700, 0.01, 0.05, 0.2);
        double[] creeping = slowCreepingSteps(RATE_HZ, 60);
        for (double[] signal : new double[][] {walk.force, lingeringSteps(RATE_HZ, 30), creeping}) {
            long[] worst = new long[1];
            int[] reported = new int[1];
            long[] floor = {Long.MIN_VALUE};
            long[] belowFloor = {-1};
            ContactEventDetector[] holder = new ContactEventDetector[1];
            boolean[] replay = new boolean[1];
            holder[0] = new ContactEventDetector(RATE_HZ, settings, Double.NaN, timing, (type, index) -> {
                if (!replay[0]) {
                    worst[0] = Math.max(worst[0], holder[0].sampleCount() - index);
                    reported[0]++;
                    if (index < floor[0]) {
                        belowFloor[0] = index;
                    }
                }
            });
            List<Long> floorLags = new ArrayList<>();
            for (double v : signal) {
                // events reported in the call that ends the warm-up are its own, as late as it lasted
                replay[0] = holder[0].warmUpFloor() != Long.MAX_VALUE;
                holder[0].accept(v);
                if (holder[0].warmUpFloor() == Long.MAX_VALUE) {
                    floor[0] = Math.max(floor[0], holder[0].reportFloor());
                    floorLags.add(holder[0].sampleCount() - holder[0].reportFloor());
                }
            }
            String context = settings + ", " + timing + ", " + (signal == walk.force ? "walk" : signal == creeping ? "slow creeping steps"
                    : "lingering steps");
            assertTrue(reported[0] > 20, context + ": " + reported[0] + " events after the warm-up");
            assertTrue(worst[0] <= maxDelay, context + ": an event reported " + worst[0] + " samples late, at most "
                    + maxDelay + " promised");
            assertEquals(-1, belowFloor[0], context + ": an event reported below a floor given before it");
            assertTrue(floorLags.stream().allMatch(lag -> lag <= maxDelay), context + ": a floor beyond the delay");
            if (signal == walk.force && refineS == 0.15) {
                floorLags.sort(null);
                long medianLag = floorLags.get(floorLags.size() / 2);
                assertTrue(medianLag < (maxDelay + 1) / 2 + 2, context + ": the floor lags " + medianLag
                        + " samples in ordinary walking, the delay bound " + maxDelay);
            }
        }
    }

    /**
     * Strides of 2 s, the slowest tempo the toe off's window follows, whose load falls from 1000
     * to just under the contact threshold and then creeps down to 0 ever faster over 0.4 s: the
     * creep lies above any chord, so the toe off is the last loaded sample, near the start of the
     * widened window, and is reported that window plus its look-ahead after it, the longest a
     * detector with these settings waits. In the first three strides the load falls straight to
     * 0, a step the warm-up learns the levels from.
     */
    private static double[] slowCreepingSteps(double rateHz, double durationS) {
        double strideS = 2.0;
        double[] x = new double[(int) Math.round(durationS * rateHz)];
        for (int i = 0; i < x.length; i++) {
            double t = (i / rateHz) % strideS;
            double creep = (t - 1.04) / 0.4;
            double after = i / rateHz < 3 * strideS ? 0 : 290 * (1 - creep * creep);
            x[i] = t < 0.1 ? 10000 * t : t < 1.0 ? 1000 : t < 1.04 ? 1000 - (1000 - after) * (t - 1.0) / 0.04
                    : t < 1.44 ? after : 0;
        }
        return x;
    }

    /**
     * Steps whose load, after the push-off peak, lingers at a fifth of the peak (between the
     * release and the contact thresholds) for 1 s before the foot lifts: the toe off is the lift,
     * within the refinement window of the release crossing, not the start of the lingering.
     */
    @Test
    void aToeOffAfterLingeringLoadIsTheLift() {
        double[] x = lingeringSteps(RATE_HZ, 30);
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<Double> toeOffs = times(events, GaitEventType.TOE_OFF);
        assertTrue(toeOffs.size() > 8, "toe offs " + toeOffs);
        for (double t : toeOffs) {
            // the lift of a lingering step starting at k × 2.2 s comes 1.6 s in
            if (t > 3 * LINGERING_STRIDE_S) {
                double liftS = Math.floor(t / LINGERING_STRIDE_S) * LINGERING_STRIDE_S + 1.6;
                assertEquals(liftS, t, 0.06, "toe offs " + toeOffs);
            }
        }
    }

    private static final double LINGERING_STRIDE_S = 2.2;

    /**
     * The same steps walked 1.8 times slower, every phase of the stride stretched alike (the
     * unloading tail too): the toe off lies at the same share of the stride, within 0.5 % of it
     * (9 ms of the slow stride), and so does the heel strike. With a refinement window fixed in
     * seconds the slow walk's toe offs came 1.7 % of the stride (31 ms) earlier than the brisk
     * walk's, nearer the start of the tail: the window cut the tail short.
     */
    @Test
    void aSlowerWalkOfTheSameStepsHasItsToeOffsAtTheSameShareOfTheStride() {
        double rateHz = 300;
        double briskS = StrideTempo.REFERENCE_STRIDE_S;
        double[] brisk = phasesOfEvents(creepingTailSteps(rateHz, briskS, 40), rateHz, briskS);
        double[] slow = phasesOfEvents(creepingTailSteps(rateHz, 1.8 * briskS, 40), rateHz, 1.8 * briskS);
        assertTrue(brisk[1] > CREEP_FROM, "the toe off lies in the tail: " + brisk[1]);
        assertEquals(brisk[1], slow[1], 0.005, "toe off");
        assertEquals(brisk[0], slow[0], 0.005, "heel strike");
    }

    /** Where the tail of {@link #creepingTailSteps} begins, share of the stride. */
    private static final double CREEP_FROM = 0.58;

    /**
     * Strides of {@code strideS} from 0 s, shaped alike whatever their length: a rise over 5 % of
     * the stride to 1000, a fall from 800 at 55 % to 150 at {@link #CREEP_FROM}, then a tail
     * creeping down as 150 × exp(−(share − 0.58) / 0.03), the forefoot unloading last.
     */
    private static double[] creepingTailSteps(double rateHz, double strideS, int strides) {
        double[] x = new double[(int) Math.round(strides * strideS * rateHz)];
        for (int i = 0; i < x.length; i++) {
            double s = (i / rateHz) % strideS / strideS;
            x[i] = s < 0.05 ? 1000 * s / 0.05 : s < 0.55 ? 1000 - 200 * (s - 0.05) / 0.5
                    : s < CREEP_FROM ? 800 - 650 * (s - 0.55) / (CREEP_FROM - 0.55)
                    : 150 * Math.exp(-(s - CREEP_FROM) / 0.03);
        }
        return x;
    }

    /**
     * The median share of the stride at which the heel strikes ({@code [0]}, as the distance to the
     * nearest stride start, signed) and toe offs ({@code [1]}) are detected, past the first five
     * strides (the warm-up and the tempo's first strides).
     */
    private static double[] phasesOfEvents(double[] x, double rateHz, double strideS) {
        List<GaitEvent> events = ContactEvents.detect(x, rateHz, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<Double> heelStrikes = new ArrayList<>();
        List<Double> toeOffs = new ArrayList<>();
        for (GaitEvent e : events) {
            if (e.timeS() > 5 * strideS) {
                double share = e.timeS() / strideS - Math.floor(e.timeS() / strideS);
                if (e.type() == GaitEventType.HEEL_STRIKE) {
                    heelStrikes.add(share > 0.5 ? share - 1 : share);
                } else {
                    toeOffs.add(share);
                }
            }
        }
        assertTrue(heelStrikes.size() > 30 && toeOffs.size() > 30, events.size() + " events");
        return new double[] {median(heelStrikes), median(toeOffs)};
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /**
     * Strides of 2.2 s from 0 s: a 0.05 s rise to 1000 at 0.1 s, a fall to 200 (a fifth of the
     * peak) by 0.6 s held until 1.6 s, then a 0.05 s lift to 0, unloaded until the next stride.
     * In the first three strides the load falls straight to 0 at 0.6 s, a step the warm-up
     * learns the levels from.
     */
    private static double[] lingeringSteps(double rateHz, double durationS) {
        double[] x = new double[(int) Math.round(durationS * rateHz)];
        for (int i = 0; i < x.length; i++) {
            double t = i / rateHz;
            double s = t % LINGERING_STRIDE_S;
            double linger = t < 3 * LINGERING_STRIDE_S ? 0 : 200;
            x[i] = s < 0.05 ? 0 : s < 0.1 ? 1000 * (s - 0.05) / 0.05 : s < 0.6 ? 1000 - (1000 - linger) * (s - 0.1) / 0.5
                    : s < 1.6 ? linger : s < 1.65 ? linger * (1.65 - s) / 0.05 : 0;
        }
        return x;
    }

    /**
     * The batch driver puts the detector's events on the recording's clock and foot: started at
     * 12.5 s for the right foot, it finds every event of the synthetic walk 12.5 s later than the
     * walk has it, each at 12.5 s plus its sample index over the rate, of the right foot.
     */
    @Test
    void theBatchDriverGivesTheEventsTheRecordingsStartTimeAndFoot() {
        SyntheticGait gait = new SyntheticGait(31, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.05, 0.2);
        double startS = 12.5;
        List<GaitEvent> events = ContactEvents.detect(gait.force, RATE_HZ, startS, Side.RIGHT,
                ContactDetectorSettings.defaults());
        for (GaitEvent e : events) {
            assertEquals(Side.RIGHT, e.side(), e.toString());
            assertEquals(startS + e.sampleIndex() / RATE_HZ, e.timeS(), 1e-9, e.toString());
        }
        List<Double> heelStrikes = times(events, GaitEventType.HEEL_STRIKE);
        List<Double> toeOffs = times(events, GaitEventType.TOE_OFF);
        assertEquals(gait.heelStrikesS.size(), heelStrikes.size(), "seed 31: heel strikes " + heelStrikes);
        assertEquals(gait.toeOffsS.size(), toeOffs.size(), "seed 31: toe offs " + toeOffs);
        for (double t : gait.heelStrikesS) {
            assertTrue(distanceToNearestS(startS + t, heelStrikes) <= 7 / RATE_HZ, "seed 31: heel strike at " + t + " s");
        }
        for (double t : gait.toeOffsS) {
            assertTrue(distanceToNearestS(startS + t, toeOffs) <= 7 / RATE_HZ, "seed 31: toe off at " + t + " s");
        }
    }

    @Test
    void gapPlacesNoEventInItAndDetectionResumesRightAfter() {
        SyntheticGait gait = new SyntheticGait(41, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.0, 0.0);
        double[] withGap = gait.force.clone();
        for (int i = 1500; i < 1600; i++) {
            withGap[i] = Double.NaN;
        }
        List<GaitEvent> clean = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> events = ContactEvents.detect(withGap, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        for (GaitEvent e : events) {
            assertTrue(e.timeS() < 15.0 || e.timeS() >= 16.0, "event inside the gap: " + e);
        }
        assertSameOutside(clean, events, 14.8, 16.3, "gap, seed 41");
    }

    /**
     * One sample far above the stance (7 times the amplitude, 1000 times, 1e300, infinite) or far
     * below the baseline (a corrupted reading of -7 times the amplitude), in stance or in swing,
     * after the warm-up or within it, down to the first and second samples, before which there
     * is no median to pass over them: every event outside the stride that holds it is found as
     * without the glitch.
     */
    @ParameterizedTest(name = "glitch {0} at {1} s")
    @CsvSource({
        "5600, 12.3", "5600, 12.95", "5600, 13.2",
        "1e300, 12.3", "1e300, 12.95",
        "Infinity, 12.3", "Infinity, 12.95", "-Infinity, 12.3",
        "-5600, 12.3", "-5600, 12.95", "-5600, 13.2",
        "8e5, 0.0", "-8e5, 0.0", "8e5, 0.01", "-8e5, 0.01", "8e5, 0.5", "8e5, 0.95", "8e5, 2.0", "1e300, 0.01",
        "1e300, 0.95", "-8e5, 0.95",
    })
    void oneGlitchSampleCostsNoEventOutsideItsStride(double glitch, double atS) {
        SyntheticGait gait = new SyntheticGait(43, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.02, 0.1);
        double[] x = gait.force.clone();
        x[(int) Math.round(atS * RATE_HZ)] = glitch;
        List<GaitEvent> clean = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        double strideStartS = lastHeelStrikeAtOrBefore(gait, atS);
        double strideEndS = firstHeelStrikeAfter(gait, atS);
        assertSameOutside(clean, events, strideStartS - 0.05, strideEndS + 0.05,
                "glitch " + glitch + " at " + atS + " s, seed 43");
    }

    /**
     * Two glitch samples in a row (5 times the amplitude above the stance), which the 3-sample
     * median lets through, during a stance after the warm-up or within it: every event outside
     * the stride that holds them is found as without them. (The learned peak grows at most
     * twofold from one contact, and the warm-up learns its levels from the 5-sample median, so
     * that the contact threshold does not rise above the steps that follow.)
     */
    @ParameterizedTest(name = "two glitch samples at {0} s")
    @CsvSource({"12.95", "13.2", "3.05"})
    void twoGlitchSamplesInARowCostNoEventOutsideTheirStride(double atS) {
        SyntheticGait gait = new SyntheticGait(43, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.02, 0.1);
        double[] x = gait.force.clone();
        int at = (int) Math.round(atS * RATE_HZ);
        x[at] = 4000;
        x[at + 1] = 4000;
        List<GaitEvent> clean = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        double strideStartS = lastHeelStrikeAtOrBefore(gait, atS);
        double strideEndS = firstHeelStrikeAfter(gait, atS);
        assertSameOutside(clean, events, strideStartS - 0.05, strideEndS + 0.05, "two glitch samples at " + atS
                + " s, seed 43");
    }

    /**
     * One finite sample far off its neighbours (7 times the amplitude above the stance or below
     * the baseline) right at an edge, where it would pass for the edge's minimum or knee or for
     * a crossing: just before a heel strike, on the rise, on the fall, just after a toe off, in
     * swing and in stance. No event moves by more than one sample, not even in the stride that
     * holds it (a glitch on the event's own sample hides that sample, and the knee may then fall
     * on its neighbour); every other event stays where it was.
     */
    @ParameterizedTest(name = "glitch {0} at {2} s from the {1} of the 10th stride")
    @CsvSource({
        "-5600, heel strike, -0.05", "-5600, heel strike, 0.0", "-5600, heel strike, 0.02",
        "5600, heel strike, -0.05", "5600, heel strike, -0.01",
        "-5600, toe off, -0.02", "-5600, toe off, 0.0", "-5600, toe off, 0.03",
        "5600, toe off, 0.0", "5600, toe off, 0.05", "5600, toe off, 0.2",
        "-5600, heel strike, 0.3", "5600, heel strike, 0.3",
    })
    void oneGlitchSampleAtAnEdgeMovesNoEvent(double glitch, String event, double offsetS) {
        SyntheticGait gait = new SyntheticGait(45, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.02, 0.1);
        double eventS = (event.equals("toe off") ? gait.toeOffsS : gait.heelStrikesS).get(10);
        double[] x = gait.force.clone();
        x[(int) Math.round((eventS + offsetS) * RATE_HZ)] = glitch;
        List<GaitEvent> clean = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        String context = "glitch " + glitch + " at " + (eventS + offsetS) + " s, seed 45";
        assertEquals(clean.size(), events.size(), context);
        int moved = 0;
        for (int k = 0; k < clean.size(); k++) {
            GaitEvent before = clean.get(k);
            GaitEvent after = events.get(k);
            assertEquals(before.type(), after.type(), context);
            long shift = Math.abs(after.sampleIndex() - before.sampleIndex());
            assertTrue(shift <= 1, context + ": " + before + " moved to " + after);
            moved += shift > 0 ? 1 : 0;
        }
        assertTrue(moved <= 1, context + ": " + moved + " events moved");
    }

    /**
     * A glitch of several samples, which the running median does not remove, locks the
     * detector out only until lock loss is recognised: every event from the first stride that
     * begins 3 s after the glitch's stance on is found as without the glitch.
     */
    @Test
    void recoversLockAfterAGlitchOfSeveralSamples() {
        SyntheticGait gait = new SyntheticGait(44, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.02, 0.1);
        double[] x = gait.force.clone();
        for (int i = 1230; i < 1235; i++) {
            x[i] = 6000;
        }
        List<GaitEvent> clean = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        assertSameOutside(clean, events, 11.5, 12.35 + 1.1 + 3.0 + 1.1, "5 samples of 6000 at 12.3 s, seed 44");
    }

    /**
     * Several samples in a row far below the baseline (a dropout reading -7 times the
     * amplitude), or moderately below it (a quarter of the amplitude, beyond half the release
     * margin), for up to 60 ms (less than half the shortest swing, 150 ms by default), in swing,
     * in stance or across the toe off: every event outside the stride that holds them is found
     * as without them. Taken for the unloaded level, they would put the release threshold below
     * every later swing, so that the foot stayed loaded for the rest of the recording.
     */
    @ParameterizedTest(name = "{2} samples of {0} at {1} s")
    @CsvSource({
        "-5600, 12.3, 5", "-5600, 12.95, 5", "-5600, 13.17, 6",
        "-200, 12.3, 6", "-200, 13.17, 6",
    })
    void severalSamplesFarBelowTheBaselineCostNoEventOutsideTheirStride(double glitch, double atS, int samples) {
        SyntheticGait gait = new SyntheticGait(47, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.02, 0.1);
        double[] x = gait.force.clone();
        int from = (int) Math.round(atS * RATE_HZ);
        for (int i = from; i < from + samples; i++) {
            x[i] = glitch;
        }
        List<GaitEvent> clean = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        double endS = atS + samples / RATE_HZ;
        double strideStartS = lastHeelStrikeAtOrBefore(gait, atS);
        double strideEndS = firstHeelStrikeAfter(gait, endS);
        assertSameOutside(clean, events, strideStartS - 0.05, strideEndS + 0.05,
                samples + " samples of " + glitch + " at " + atS + " s, seed 47");
        assertTrue(outside(clean, strideStartS - 0.05, strideEndS + 0.05).size() > 60, "events compared");
    }

    /**
     * A lasting change of the sensor's unloaded level (an offset that changes and stays): a fall
     * by half the amplitude is followed at once, so every event outside the stride where it
     * happens is found as without it; a rise of a quarter or half of the amplitude, which
     * keeps the foot loaded, is recognised as lost lock within two lock-loss spans of
     * {@value #LOCK_LOSS_S} s (the first may still hold the old level), and every event after
     * that is found as without it.
     */
    @ParameterizedTest(name = "offset {0} from {1} s")
    @CsvSource({"-400, 12.3", "200, 12.3", "200, 12.95", "400, 12.95"})
    void followsALastingChangeOfTheUnloadedLevel(double offset, double stepS) {
        SyntheticGait gait = new SyntheticGait(48, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.02, 0.1);
        double[] x = gait.force.clone();
        for (int i = (int) Math.round(stepS * RATE_HZ); i < x.length; i++) {
            x[i] += offset;
        }
        List<GaitEvent> clean = ContactEvents.detect(gait.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        double strideStartS = lastHeelStrikeAtOrBefore(gait, stepS);
        double strideEndS = firstHeelStrikeAfter(gait, stepS);
        double lostUntilS = offset < 0 ? strideEndS + 0.05 : strideEndS + 2 * LOCK_LOSS_S + 1.1 + 0.05;
        assertSameOutside(clean, events, strideStartS - 0.05, lostUntilS, "offset " + offset + " from " + stepS + " s, seed 48");
        assertTrue(outside(clean, strideStartS - 0.05, lostUntilS).size() > 50, "events compared");
    }

    /**
     * A foot that stops and stands, its load swaying between 400 and 700 N (the walk's
     * amplitude is 800 N) for 20 s, longer than the lock-loss span: no event while it stands.
     */
    @Test
    void swayWhileStandingGivesNoEvents() {
        SyntheticGait gait = new SyntheticGait(49, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.0, 0.0);
        double lastHeelStrikeS = gait.heelStrikesS.stream().filter(t -> t < 20).reduce((a, b) -> b).orElseThrow();
        int from = (int) Math.ceil((lastHeelStrikeS + 0.3) * RATE_HZ);
        Random random = new Random(50);
        double[] x = gait.force.clone();
        for (int i = from; i < x.length; i++) {
            double t = (i - from) / RATE_HZ;
            double sway = 550 + 150 * Math.sin(2 * Math.PI * 0.4 * t);
            double ramp = Math.min(1, t / 0.2);
            x[i] = (1 - ramp) * gait.force[from] + ramp * sway + 8 * random.nextGaussian();
        }
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        assertTrue(events.stream().noneMatch(e -> e.timeS() > lastHeelStrikeS + 0.1), "events while standing, seed 50: "
                + events.stream().filter(e -> e.timeS() > lastHeelStrikeS).toList());
        assertTrue(events.stream().filter(e -> e.timeS() < lastHeelStrikeS - 0.1).count() > 20, "events while walking");
    }

    /**
     * A foot standing loaded for 8 s, its force swaying slowly by a fifth of the stance
     * amplitude and once dipping briefly, before walking starts: the warm-up does not take the
     * sway or the dip for steps, so no event falls in the standing and the walk's events are
     * those the walk alone gives.
     */
    @Test
    void standingBeforeWalkingGivesNoEventsUntilTheFirstStep() {
        SyntheticGait walk = new SyntheticGait(46, RATE_HZ, 30, 0.5, 1.1, 0.63, 800, 0.01, 0.0, 0.05);
        int standing = (int) Math.round(8 * RATE_HZ);
        double[] x = new double[standing + walk.force.length];
        for (int i = 0; i < standing; i++) {
            double t = i / RATE_HZ;
            double dip = Math.abs(t - 5.0) < 0.06 ? -250 * (1 - Math.abs(t - 5.0) / 0.06) : 0;
            x[i] = 650 + 80 * Math.sin(2 * Math.PI * t / 4.0) + dip;
        }
        // the walk starts from the standing load, unloading into its first swing
        for (int i = 0; i < walk.force.length; i++) {
            double t = i / RATE_HZ;
            x[standing + i] = walk.force[i] + (t < 0.2 ? 650 * (1 - t / 0.2) : 0);
        }
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> alone = ContactEvents.detect(walk.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());

        assertTrue(events.stream().allMatch(e -> e.timeS() > 8.0), () -> "events while standing: "
                + events.subList(0, Math.min(3, events.size())));
        List<Long> walking = events.stream().filter(e -> e.timeS() > 8.6).map(e -> e.sampleIndex() - standing).toList();
        List<Long> walkAlone = alone.stream().filter(e -> e.timeS() > 0.6).map(GaitEvent::sampleIndex).toList();
        assertCompared(walkAlone, "the walk alone");
        assertEquals(walkAlone, walking, "seed 46");
    }

    /**
     * Standing for 20 s before walking, shifting the weight from foot to foot (the load swaying
     * sinusoidally by ±30 N around 400 N, with sensor noise; ±60 N at 0.5 Hz), at paces from a
     * slow sway to a weight shift every two seconds: no event while standing, and the walk's
     * events are those the walk alone gives.
     */
    @ParameterizedTest
    @CsvSource({"0.2, 30", "0.4, 30", "0.5, 60"})
    void weightShiftingBeforeWalkingGivesNoEvents(double swayHz, double swayN) {
        SyntheticGait walk = new SyntheticGait(51, RATE_HZ, 30, 0.5, 1.1, 0.63, 800, 0.01, 0.0, 0.05);
        int standing = (int) Math.round(20 * RATE_HZ);
        Random random = new Random(52);
        double[] x = new double[standing + walk.force.length];
        for (int i = 0; i < standing; i++) {
            x[i] = 400 + swayN * Math.sin(2 * Math.PI * swayHz * i / RATE_HZ) + 5 * random.nextGaussian();
        }
        for (int i = 0; i < walk.force.length; i++) {
            double t = i / RATE_HZ;
            x[standing + i] = walk.force[i] + (t < 0.2 ? x[standing - 1] * (1 - t / 0.2) : 0);
        }
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> alone = ContactEvents.detect(walk.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());

        String label = swayHz + " Hz ±" + swayN + " N, seed 52";
        assertEquals(List.of(), events.stream().filter(e -> e.timeS() < 20.0).toList(), "events while standing, " + label);
        List<Long> walking = events.stream().filter(e -> e.timeS() > 20.6).map(e -> e.sampleIndex() - standing).toList();
        List<Long> walkAlone = alone.stream().filter(e -> e.timeS() > 0.6).map(GaitEvent::sampleIndex).toList();
        assertCompared(walkAlone, "the walk alone");
        assertEquals(walkAlone, walking, label);
    }

    /**
     * A recording that starts with a jump (standing, 0.3 s airborne, a landing of up to 2.5
     * times the walk's peak, standing again), then walks: the landing's peak does not keep the
     * steps that follow from ending the warm-up, so the walk's events are those the walk alone
     * gives. (At three times the peak the walk's first four events are lost while the peak
     * adapts, as before the warm-up measured steps against the last contact.)
     */
    @ParameterizedTest
    @CsvSource({"1.5", "2.0", "2.5"})
    void aJumpBeforeWalkingLeavesTheWalksEvents(double landingToWalkPeak) {
        SyntheticGait walk = new SyntheticGait(51, RATE_HZ, 30, 0.5, 1.1, 0.63, 800, 0.01, 0.0, 0.05);
        int before = (int) Math.round(3 * RATE_HZ);
        Random random = new Random(53);
        double[] x = new double[before + walk.force.length];
        for (int i = 0; i < before; i++) {
            double t = i / RATE_HZ;
            x[i] = t >= 1.0 && t < 1.3 ? 5 * random.nextGaussian()
                    : t >= 1.3 && t < 1.45 ? landingToWalkPeak * 800 * Math.sin(Math.PI * (t - 1.3) / 0.15)
                    : 400 + 5 * random.nextGaussian();
        }
        for (int i = 0; i < walk.force.length; i++) {
            double t = i / RATE_HZ;
            x[before + i] = walk.force[i] + (t < 0.2 ? x[before - 1] * (1 - t / 0.2) : 0);
        }
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        List<GaitEvent> alone = ContactEvents.detect(walk.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());

        List<Long> walking = events.stream().filter(e -> e.timeS() > 3.6).map(e -> e.sampleIndex() - before).toList();
        List<Long> walkAlone = alone.stream().filter(e -> e.timeS() > 0.6).map(GaitEvent::sampleIndex).toList();
        assertCompared(walkAlone, "the walk alone");
        assertEquals(walkAlone, walking, "landing at " + landingToWalkPeak + " times the walk's peak, seed 53");
    }

    /**
     * A clip of a walk that holds one stride and little more (0.2 s of swing, the stance, the
     * swing, the next heel strike and 0.2 s of the next stance: 1.5 s, less than the warm-up
     * span and a step after it) gives the walk's events within it: when the data end during
     * the warm-up, the warm-up looks for a step on all of its samples.
     */
    @Test
    void aClipOfOneStrideGivesItsEvents() {
        SyntheticGait walk = new SyntheticGait(54, RATE_HZ, 20, 0.5, 1.1, 0.63, 800, 0.01, 0.0, 0.0);
        List<GaitEvent> whole = ContactEvents.detect(walk.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        double heelStrikeS = walk.heelStrikesS.get(5);
        int from = (int) Math.round((heelStrikeS - 0.2) * RATE_HZ);
        int to = (int) Math.round((walk.heelStrikesS.get(6) + 0.2) * RATE_HZ);
        double[] clip = Arrays.copyOfRange(walk.force, from, to);
        List<GaitEvent> events = ContactEvents.detect(clip, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());

        List<Long> expected = whole.stream().filter(e -> e.sampleIndex() > from + 5 && e.sampleIndex() < to - 5)
                .map(e -> e.sampleIndex() - from).toList();
        assertEquals(3, expected.size(), "heel strike, toe off, heel strike in the clip: " + expected);
        assertEquals(expected, events.stream().map(GaitEvent::sampleIndex).toList(), "seed 54");
    }

    /**
     * A gap in the first steps, after the warm-up time but before a step after it has ended the
     * warm-up (here 1.5 s into the data, in the stance after the second heel strike), keeps the
     * events before it: the warm-up ends on the samples before the gap as it does when the data
     * end, instead of starting anew and losing them.
     */
    @Test
    void aGapInTheFirstStepsKeepsTheEventsBeforeIt() {
        SyntheticGait walk = new SyntheticGait(55, RATE_HZ, 20, 0.5, 1.1, 0.63, 800, 0.01, 0.0, 0.0);
        List<GaitEvent> whole = ContactEvents.detect(walk.force, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        int from = (int) Math.round((walk.heelStrikesS.get(5) - 0.2) * RATE_HZ);
        int gapFrom = (int) Math.round((walk.heelStrikesS.get(6) + 0.2) * RATE_HZ) - from;
        double[] x = Arrays.copyOfRange(walk.force, from, walk.force.length);
        Arrays.fill(x, gapFrom, gapFrom + (int) (0.2 * RATE_HZ), Double.NaN);
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());

        List<Long> expected = whole.stream().filter(e -> e.sampleIndex() > from + 5 && e.sampleIndex() < from + gapFrom - 5)
                .map(e -> e.sampleIndex() - from).toList();
        assertEquals(3, expected.size(), "heel strike, toe off, heel strike before the gap: " + expected);
        assertEquals(expected, events.stream().map(GaitEvent::sampleIndex).filter(i -> i < gapFrom).toList(), "seed 55");
    }

    /** A foot left unloaded with noise only, for longer than the lock-loss span, gives no events. */
    @Test
    void noiseAloneAfterWalkingGivesNoEvents() {
        SyntheticGait gait = new SyntheticGait(45, RATE_HZ, 40, 2.5, 1.1, 0.63, 800, 0.01, 0.0, 0.0);
        double lastToeOffS = gait.toeOffsS.stream().filter(t -> t < 20).reduce((a, b) -> b).orElseThrow();
        int from = (int) Math.ceil((lastToeOffS + 0.2) * RATE_HZ);
        Random random = new Random(46);
        double[] x = gait.force.clone();
        for (int i = from; i < x.length; i++) {
            x[i] = 8 * random.nextGaussian();
        }
        List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
        assertTrue(events.stream().filter(e -> e.timeS() <= lastToeOffS + 0.2).count() >= 2 * 15,
                "the walk before the noise gives its events: " + events);
        assertTrue(events.stream().noneMatch(e -> e.timeS() > lastToeOffS + 0.2), "events from noise, seed 46: " + events);
    }

    /**
     * An idle insole that reads raw counts: noise of a fraction of one count around a constant
     * level, rounded to whole counts, so that its running median stays flat for seconds and then
     * moves by one count. Two minutes of it give no event: a warm-up without a step sets no
     * thresholds, however small the signal's range.
     */
    @ParameterizedTest(name = "noise of {0} counts")
    @CsvSource({"0.3", "0.35", "0.4", "0.5", "1.0"})
    void quantisedNoiseAloneGivesNoEvent(double noiseCounts) {
        for (long seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            double[] x = new double[(int) (120 * RATE_HZ)];
            for (int i = 0; i < x.length; i++) {
                x[i] = 512 + Math.round(noiseCounts * random.nextGaussian());
            }
            List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
            assertEquals(List.of(), events, "noise of " + noiseCounts + " counts, seed " + seed);
        }
    }

    /**
     * A foot seated after a walk, its insole unloaded for two minutes: a level that wanders by a
     * few counts over 20 s and a single-sample glitch three amplitudes high every second. The
     * glitches are no load cycles, so the detector keeps the walk's amplitude and finds no event
     * after the walk.
     */
    @ParameterizedTest(name = "wander of {0} counts")
    @CsvSource({"1", "3", "10"})
    void aSeatedFootWithGlitchesAndAWanderingLevelGivesNoEvent(int wanderCounts) {
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticGait gait = new SyntheticGait(seed, RATE_HZ, 30, 1.0, 1.1, 0.63, 800, 0.0, 0.0, 0.1);
            int seatedSamples = (int) (120 * RATE_HZ);
            double[] x = Arrays.copyOf(gait.force, gait.force.length + seatedSamples);
            int seated = (int) Math.round((gait.toeOffsS.get(gait.toeOffsS.size() - 1) + 0.05) * RATE_HZ);
            for (int i = 0; i < x.length; i++) {
                if (i < seated) {
                    x[i] = Math.round(x[i]);
                    continue;
                }
                double t = (i - seated) / RATE_HZ;
                x[i] = Math.round(wanderCounts * 0.5 * (1 - Math.cos(2 * Math.PI * t / 20.0)));
                if (t > 0.5 && (i - seated) % (int) RATE_HZ == 0) {
                    x[i] += 2400;
                }
            }
            List<GaitEvent> events = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults());
            double seatedS = seated / RATE_HZ + 0.1;
            assertEquals(List.of(), events.stream().filter(e -> e.timeS() > seatedS).toList(),
                    "wander of " + wanderCounts + " counts, seed " + seed);
        }
    }

    /** The last heel strike at or before {@code timeS}; the recording's start, 0 s, before the first. */
    private static double lastHeelStrikeAtOrBefore(SyntheticGait gait, double timeS) {
        return gait.heelStrikesS.stream().filter(t -> t <= timeS).reduce((a, b) -> b).orElse(0.0);
    }

    private static double firstHeelStrikeAfter(SyntheticGait gait, double timeS) {
        return gait.heelStrikesS.stream().filter(t -> t > timeS).findFirst().orElseThrow();
    }

    /**
     * The events outside {@code fromS}..{@code toS} are those of the undisturbed signal, and there are
     * enough of them to compare: the clean walk's heel strikes and toe offs there, at least
     * {@value #MIN_EVENTS_COMPARED} (the synthetic walks of these tests hold 50 or more).
     */
    private static void assertSameOutside(List<GaitEvent> clean, List<GaitEvent> events, double fromS, double toS,
                                          String context) {
        List<GaitEvent> expected = outside(clean, fromS, toS);
        assertCompared(expected, context);
        assertEquals(expected, outside(events, fromS, toS), context);
    }

    /** Fails unless {@code expected}, the events a comparison is made on, are at least {@value #MIN_EVENTS_COMPARED}. */
    private static void assertCompared(List<?> expected, String context) {
        assertTrue(expected.size() >= MIN_EVENTS_COMPARED, context + ": only " + expected.size() + " events compared");
    }

    private static List<GaitEvent> outside(List<GaitEvent> events, double fromS, double toS) {
        return events.stream().filter(e -> e.timeS() < fromS || e.timeS() > toS).toList();
    }

    /** Distance from each true time to the nearest detected time. */
    private static double[] errors(List<Double> truth, List<Double> detected) {
        double[] out = new double[truth.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = distanceToNearestS(truth.get(k), detected);
        }
        return out;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static double max(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
