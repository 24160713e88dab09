package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/** Notices on what insoles cannot give. */
final class LegLoadNoticesTest {

    /** A two-insole recording whose rows repeat {@code left} and {@code right} in turn. */
    private static Recording insoles(float[] left, float[] right) {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", 100, 0, List.of(ChannelName.parse("left.insole.force_n"),
                ChannelName.parse("right.insole.force_n")), RecordingMetadata.EMPTY));
        for (int i = 0; i < left.length; i++) {
            builder.accept(new float[] {left[i], right[i]});
        }
        builder.end(List.of());
        return builder.build();
    }

    @Test
    void insolesAtOneValueThroughoutAreTold() {
        assertEquals(Optional.of("the left and right insoles have the same force in every sample (always 0), as if not"
                + " connected or not worn: no events, strides or loading from them"),
                InsoleSignalNotices.flatInsoles(insoles(new float[] {0, 0, Float.NaN}, new float[] {0, 0, 0})));
        assertEquals(Optional.of("the right insole has the same force in every sample (always 2.5), as if not connected"
                + " or not worn: no events, strides or loading from it"),
                InsoleSignalNotices.flatInsoles(insoles(new float[] {0, 300, 0}, new float[] {2.5f, 2.5f, 2.5f})));
        assertEquals(Optional.of("the left and right insoles have the same force in every sample (each its own"
                + " constant), as if not connected or not worn: no events, strides or loading from them"),
                InsoleSignalNotices.flatInsoles(insoles(new float[] {1, 1, 1}, new float[] {2, 2, 2})));
    }

    /**
     * One foot's force (arbitrary units) stepping with the given contact and swing, a 3-sample
     * ramp at each edge, for 10 s at 100 Hz.
     */
    private static Recording stepping(int contactSamples, int swingSamples) {
        float[] force = new float[1000];
        for (int i = 0; i < force.length; i++) {
            force[i] = step(i, contactSamples, swingSamples);
        }
        return leftInsole("left.insole.force_au", force, RecordingMetadata.EMPTY);
    }

    /** Sample {@code i} of steps of the given contact and swing, of height 100, a 3-sample ramp at each edge. */
    private static float step(int i, int contactSamples, int swingSamples) {
        int k = i % (contactSamples + swingSamples);
        return k < contactSamples ? 100 * Math.min(1, Math.min(k + 1, contactSamples - k) / 3f) : 0;
    }

    /** A 100 Hz recording of one left insole channel. */
    private static Recording leftInsole(String channel, float[] samples, RecordingMetadata metadata) {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", 100, 0, List.of(ChannelName.parse(channel)), metadata));
        for (float v : samples) {
            builder.accept(new float[] {v});
        }
        builder.end(List.of());
        return builder.build();
    }

    /** A normalised centre of pressure in percent is told, naming its range; one within the insole, with noise, is not. */
    @Test
    void aCentreOfPressureBeyondTheInsoleIsTold() {
        assertEquals(Optional.of("centre of pressure beyond the insole (left.insole.cop_y_norm from -45.5 to 48.3): a"
                + " normalised centre of pressure lies within −0.5…+0.5 of the insole; in percent or millimetres? The"
                + " moments leave out its samples beyond ±1, and the centre-of-pressure figures from it are wrong"),
                InsoleSignalNotices.copBeyondTheInsole(
                leftInsole("left.insole.cop_y_norm", new float[] {-45.5f, 0, 48.3f, Float.NaN}, RecordingMetadata.EMPTY)));
        assertEquals(Optional.empty(), InsoleSignalNotices.copBeyondTheInsole(
                leftInsole("left.insole.cop_y_norm", new float[] {-0.52f, 0, 0.55f}, RecordingMetadata.EMPTY)));
    }

    /**
     * A heel-to-toe centre of pressure on 0…1 is told; one on −0.5…+0.5 is not, nor a toe walker's,
     * which stays ahead of the middle, nor one across the insole.
     */
    @Test
    void aCentreOfPressureOnZeroToOneIsTold() {
        assertEquals(Optional.of("centre of pressure from heel to toe on 0…1 (left.insole.cop_y_norm from 0.08 to 0.91): a"
                + " normalised centre of pressure runs from −0.5 at the heel to +0.5 at the toes; subtract 0.5 if the insoles"
                + " give 0 at the heel and 1 at the toes. The moments and soleus figures from it are wrong"),
                InsoleSignalNotices.copOnZeroToOne(leftInsole("left.insole.cop_y_norm", new float[] {0.08f, 0.5f, 0.91f, Float.NaN},
                        RecordingMetadata.EMPTY)));
        assertEquals(Optional.empty(), InsoleSignalNotices.copOnZeroToOne(
                leftInsole("left.insole.cop_y_norm", new float[] {-0.42f, 0, 0.45f}, RecordingMetadata.EMPTY)));
        assertEquals(Optional.empty(), InsoleSignalNotices.copOnZeroToOne(
                leftInsole("left.insole.cop_y_norm", new float[] {0.05f, 0.3f, 0.48f}, RecordingMetadata.EMPTY)), "a toe walker");
        assertEquals(Optional.empty(), InsoleSignalNotices.copOnZeroToOne(
                leftInsole("left.insole.cop_x_norm", new float[] {0.3f, 0.5f, 0.7f}, RecordingMetadata.EMPTY)), "across the foot");
        assertEquals(Optional.empty(), InsoleSignalNotices.copOnZeroToOne(
                leftInsole("left.insole.cop_y_norm", new float[] {0, 50, 95}, RecordingMetadata.EMPTY)),
                "in percent: copBeyondTheInsole tells it");
    }

    /** Loading figures from a recording below 60 Hz are told to come out low; at 60 Hz and above, and without newtons, not. */
    @Test
    void aLowSampleRateIsToldWhereThereAreLoadingFigures() {
        for (double rateHz : new double[] {25, 50, 60, 100}) {
            Recording walk = stepsInNewtons(rateHz);
            Optional<String> told = GaitNotices.lowSampleRate(walk, InsoleGaitAnalyzer.analyze(walk, GaitSettings.defaults()));
            assertEquals(rateHz < 60, told.isPresent(), rateHz + " Hz: " + told);
            told.ifPresent(t -> assertTrue(t.startsWith("sampled at " + (int) rateHz + " Hz: the loading rate and the"
                    + " centre-of-pressure path come out lower than at 100 Hz"), t));
        }
        Recording proportional = stepping(70, 40);
        assertEquals(Optional.empty(), GaitNotices.lowSampleRate(proportional,
                InsoleGaitAnalyzer.analyze(proportional, GaitSettings.defaults())), "no loading figures at all");
    }

    /** 20 s of a left insole's steps in newtons of a 70 kg walker, 0.66 s of contact in 1.1 s strides. */
    private static Recording stepsInNewtons(double rateHz) {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", rateHz, 0, List.of(ChannelName.parse("left.insole.force_n")),
                new RecordingMetadata(70, Map.of(), Map.of())));
        for (int i = 0; i < 20 * rateHz; i++) {
            double phase = (i / rateHz) % 1.1;
            builder.accept(new float[] {phase < 0.66 ? (float) (700 * Math.sin(Math.PI * phase / 0.66)) : 0});
        }
        builder.end(List.of());
        return builder.build();
    }

    /** A dropout of 0.3 s inside a walk costs the stride across it, and says so; a walk without one says nothing. */
    @Test
    void stridesLostToADropoutAreTold() {
        float[] force = new float[1000];
        for (int i = 0; i < force.length; i++) {
            force[i] = i >= 500 && i < 530 ? Float.NaN : step(i, 70, 40);
        }
        GaitAnalysis dropout = InsoleGaitAnalyzer.analyze(leftInsole("left.insole.force_au", force, RecordingMetadata.EMPTY),
                GaitSettings.defaults());
        Optional<String> told = GaitNotices.strideLostToMissingData(dropout);
        List<RejectedStride> lost = dropout.rejected().stream()
                .filter(r -> r.reason() == RejectedStride.Reason.MISSING_DATA).toList();
        assertEquals(1, lost.size(), dropout.rejected().toString());
        // the candidate's whole span, which holds the dropout (samples 500-530 at 100 Hz)
        assertTrue(lost.get(0).startS() < 5.0 && lost.get(0).endS() > 5.3, lost.toString());
        assertTrue(told.isPresent() && told.get().startsWith("strides lost to missing samples (a dropout of the sensor or its"
                + " link?): left 1 (" + String.format(Locale.ROOT, "%.1f–%.1f s)", lost.get(0).startS(), lost.get(0).endS())),
                told.toString());
        assertEquals(Optional.empty(), GaitNotices.strideLostToMissingData(
                InsoleGaitAnalyzer.analyze(stepping(70, 40), GaitSettings.defaults())));
    }

    /** A recording without any accepted stride says why: every candidate rejected, and the limits. */
    @Test
    void noStridesSaysWhy() {
        GaitAnalysis running = InsoleGaitAnalyzer.analyze(stepping(20, 30), GaitSettings.defaults());
        assertEquals(Optional.of("no strides: all " + running.rejected().size() + " candidates were rejected ("
                + running.rejected().size() + " stride_duration); a stride lasts 0.6–3 s with stance 30–80 % of it"
                + " (rejected_strides in summary.json)"), GaitNotices.noStrides(running, 1000));
        assertEquals(Optional.of("no strides: no heel strike was found"), GaitNotices.noStrides(
                InsoleGaitAnalyzer.analyze(stepping(1000, 0), GaitSettings.defaults()), 1000), "loaded throughout");
        assertEquals(Optional.empty(), GaitNotices.noStrides(
                InsoleGaitAnalyzer.analyze(stepping(70, 40), GaitSettings.defaults()), 1000), "strides of 1.1 s are kept");
    }

    /** A recording mostly lost (a bad link) says so when it gives no stride: the likelier reason then. */
    @Test
    void noStridesFromARecordingMostlyMissingSaysHowMuchIsMissing() {
        float[] force = stepping(70, 40).channel("left.insole.force_au").samples().clone();
        for (int i = 0; i < force.length; i++) {
            if (i % 10 != 0) {
                force[i] = Float.NaN;
            }
        }
        GaitAnalysis lost = InsoleGaitAnalyzer.analyze(leftInsole("left.insole.force_au", force, RecordingMetadata.EMPTY),
                GaitSettings.defaults());
        assertEquals(Optional.of("no strides: no heel strike was found; 90 % of left.insole.force_au's samples are"
                + " missing"), GaitNotices.noStrides(lost, force.length));
    }

    /**
     * Strides rejected for missing samples are told as such: the gap bridging, not the stride
     * limits, which they do not break.
     */
    @Test
    void stridesRejectedForMissingSamplesAreToldWithTheGapBridging() {
        float[] force = stepping(70, 40).channel("left.insole.force_au").samples().clone();
        // 0.1 s gaps in every swing from the third stride on: longer than the 0.05 s bridged.
        for (int start = 2 * 110 + 85; start + 10 < force.length; start += 110) {
            java.util.Arrays.fill(force, start, start + 10, Float.NaN);
        }
        GaitAnalysis gapped = InsoleGaitAnalyzer.analyze(leftInsole("left.insole.force_au", force,
                RecordingMetadata.EMPTY), GaitSettings.defaults());
        int rejected = gapped.rejected().size();
        assertTrue(rejected >= 5, "strides across a gap: " + rejected);
        assertEquals(Optional.of("many candidate strides were rejected: left " + rejected + " of "
                + (rejected + gapped.strides().size()) + " (" + rejected + " missing_data); a stride with missing samples"
                + " is not measured (gaps of up to 0.05 s are bridged)"), GaitNotices.manyRejected(gapped));
    }

    /**
     * A stepping foot of the given peak force, in newtons, for a 70 kg subject (686 N); the
     * low-passed peaks overshoot the square steps by 4 %.
     */
    private static GaitAnalysis steppingAt(float peakN) {
        float[] force = stepping(70, 40).channel("left.insole.force_au").samples().clone();
        for (int i = 0; i < force.length; i++) {
            force[i] *= peakN / 100;
        }
        return InsoleGaitAnalyzer.analyze(leftInsole("left.insole.force_n", force,
                RecordingMetadata.EMPTY.withBodyMassKg(70)), GaitSettings.defaults());
    }

    /**
     * Peak forces of a thousandth or more than 4 body weights are told (kilonewtons read as
     * newtons, or the reverse); a force beyond 20 body weights is no measurement
     * ({@link #aForceInMillinewtonsIsToldAsSuch}).
     */
    @Test
    void implausiblePeakForcesAreTold() {
        assertEquals(Optional.of("median stride peak force (left 0.00151 body weights) is far from walking's 1.1–1.5 or"
                + " running's 2–3: check the force unit (newtons, not kilonewtons), the insole's calibration and the"
                + " body mass"), GaitNotices.implausiblePeakForce(peaksBw(steppingAt(1))));
        assertTrue(GaitNotices.implausiblePeakForce(peaksBw(steppingAt(8000))).isPresent(), "11.7 body weights");
        assertEquals(Optional.empty(), GaitNotices.implausiblePeakForce(peaksBw(steppingAt(800))), "1.17 body weights");
    }

    /**
     * A force a thousand times too large (millinewtons named newtons) is beyond the range of a
     * foot in every loaded sample: once three contacts have shown it is on another scale, the
     * strides are found, as they follow the force's shape, but have no loading figures, and the
     * notice points at the unit rather than at transmission errors.
     */
    @Test
    void aForceInMillinewtonsIsToldAsSuch() {
        float[] force = stepping(70, 40).channel("left.insole.force_au").samples().clone();
        for (int i = 0; i < force.length; i++) {
            force[i] *= 800_000f / 100;
        }
        Recording recording = leftInsole("left.insole.force_n", force, RecordingMetadata.EMPTY.withBodyMassKg(70));
        GaitAnalysis gait = InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults());
        int walk = steppingAt(800).strides().size();
        assertTrue(gait.strides().size() >= walk - 3, gait.strides().size() + " of the walk's " + walk + " strides: all"
                + " but those of the three contacts that show the scale");
        assertTrue(gait.strides().stream().noneMatch(s -> s.loading().measured()), "none measured");
        List<String> notices = LegLoadAnalyzer.analyze(recording, gait, LegLoadSettings.DEFAULTS).notices();
        assertTrue(notices.stream().anyMatch(n -> n.contains("insole force beyond 20 body weights (13729 N at 70.0 kg) in"
                + " more than 1 % of the samples, too many for transmission errors, taken as a force on another scale"
                + " whose events are kept and whose stances get no loading figures (left.insole.force_n from ")
                && n.endsWith(" s on): check the force unit (newtons, not millinewtons), the insole's calibration and the"
                + " body mass")), notices.toString());
    }

    /**
     * Both feet stepping in turn (contacts of 0.7 s, strides of 1.1 s, 70 kg) at a height that
     * makes their force average {@code meanForceBw} body weights over whole strides: each
     * foot's contact, a 3-sample ramp at each edge, holds 68 of 110 samples at full height.
     */
    private static GaitAnalysis walkingAveraging(double meanForceBw) {
        double heightN = meanForceBw * 70 * Gravity.STANDARD_MPS2 / (2 * 68.0 / 110);
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", 100, 0, List.of(ChannelName.parse("left.insole.force_n"),
                ChannelName.parse("right.insole.force_n")), RecordingMetadata.EMPTY.withBodyMassKg(70)));
        for (int i = 0; i < 2000; i++) {
            builder.accept(new float[] {(float) (heightN / 100 * step(i + 55, 70, 40)),
                    (float) (heightN / 100 * step(i, 70, 40))});
        }
        builder.end(List.of());
        return InsoleGaitAnalyzer.analyze(builder.build(), GaitSettings.defaults());
    }

    /**
     * The two feet's force averaged over whole strides is the body's weight in steady walking;
     * 1.4 times that (the mass, or the insoles' scale, off by 40 %) is told with the mass the
     * force would fit, 1.1 times is not.
     */
    @Test
    void aForceScaleOffTheBodyWeightIsTold() {
        GaitAnalysis heavy = walkingAveraging(1.4);
        assertEquals(1.4, heavy.session().meanForceBw(), 0.02);
        assertEquals(Optional.of("both feet's force averages 1.40 body weights over whole strides, not 1 as in steady"
                + " walking: the body mass (70 kg) or the force scale is off by that factor (the force fits 98 kg), and"
                + " so is every figure in body weights"), GaitNotices.forceScaleOffBodyWeight(heavy.session().meanForceBw(), 70));
        GaitAnalysis near = walkingAveraging(1.1);
        assertEquals(1.1, near.session().meanForceBw(), 0.02);
        assertEquals(Optional.empty(), GaitNotices.forceScaleOffBodyWeight(near.session().meanForceBw(), 70));
        assertTrue(GaitNotices.forceScaleOffBodyWeight(walkingAveraging(0.7).session().meanForceBw(), 70).isPresent(), "0.7 body weights");
    }

    /** A force in newtons below zero in most samples (an inverted channel) is told; an offset swing is not. */
    @Test
    void forceBelowZeroInMostSamplesIsTold() {
        assertEquals(Optional.of("insole force below 0 N in most samples (left 75 %): a force sensor reads about 0"
                + " unloaded and more under load; check the channel's sign and zero, since events and loading from it"
                + " are wrong"), InsoleSignalNotices.negativeForce(insoles(new float[] {-50, -800, -900, 0, Float.NaN},
                new float[] {-20, -10, 700, 800, 900})));
        assertEquals(Optional.empty(), InsoleSignalNotices.negativeForce(insoles(new float[] {-2, -1, -2, 900, -1},
                new float[] {-3, -3, -2, -2, 1000})), "unloaded most of the time, its zero slightly below 0 N");
    }

    /**
     * A foot that walks (strides of 1.1 s) after running (0.5 s, rejected by the walking limits):
     * many rejected candidates are told with their reasons, while the walk alone tells nothing.
     */
    @Test
    void manyRejectedStridesAreTold() {
        float[] force = new float[2000];
        for (int i = 0; i < force.length; i++) {
            force[i] = i < 800 ? step(i, 20, 30) : step(i - 800, 70, 40);
        }
        GaitAnalysis mixed = InsoleGaitAnalyzer.analyze(leftInsole("left.insole.force_au", force,
                RecordingMetadata.EMPTY), GaitSettings.defaults());
        String notice = GaitNotices.manyRejected(mixed).orElseThrow();
        assertTrue(notice.matches("many candidate strides were rejected: left 1[4-6] of 2[4-7] \\(1[4-6] stride_duration\\);"
                + " a stride lasts 0.6–3 s with stance 30–80 % of it"), notice);
        assertEquals(Optional.empty(), GaitNotices.manyRejected(
                InsoleGaitAnalyzer.analyze(stepping(70, 40), GaitSettings.defaults())), "walking only");
    }

    /** An inverted force channel gets the negative-force notice, not also the peak-force one (whose advice is the unit). */
    @Test
    void anInvertedChannelIsToldAsSuchAlone() {
        float[] force = stepping(70, 40).channel("left.insole.force_au").samples().clone();
        for (int i = 0; i < force.length; i++) {
            force[i] = -8 * force[i] - 50;
        }
        Recording inverted = leftInsole("left.insole.force_n", force, RecordingMetadata.EMPTY.withBodyMassKg(70));
        GaitAnalysis gait = InsoleGaitAnalyzer.analyze(inverted, GaitSettings.defaults());
        assertTrue(GaitNotices.implausiblePeakForce(peaksBw(gait)).isPresent(), "the peaks are implausible too");
        List<String> notices = LegLoadAnalyzer.analyze(inverted, gait, LegLoadSettings.DEFAULTS).notices();
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("insole force below 0 N")), notices.toString());
        assertTrue(notices.stream().noneMatch(n -> n.startsWith("median stride peak force")), notices.toString());
    }

    /** Infinite values and a single known sample say nothing about a sensor that never changes. */
    @Test
    void tooFewFiniteSamplesAreNotTold() {
        float inf = Float.POSITIVE_INFINITY;
        float nan = Float.NaN;
        assertEquals(Optional.empty(), InsoleSignalNotices.flatInsoles(insoles(new float[] {inf, inf, inf},
                new float[] {nan, 5, nan})));
    }

    private static Recording channels(String... names) {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", 100, 0, Arrays.stream(names).map(ChannelName::parse).toList(),
                RecordingMetadata.EMPTY));
        builder.accept(new float[names.length]);
        builder.accept(new float[names.length]);
        builder.end(List.of());
        return builder.build();
    }

    @Test
    void cellsInRawCountsAreToldAsNotNewtons() {
        assertEquals(Optional.of("the insole cells are in counts, not newtons (raw counts need a calibration to become"
                + " newtons): loading figures need force in newtons, so this input gives events and strides but no"
                + " loading figures"), InsoleSignalNotices.forceNotInNewtons(channels("left.insole.cell01_counts",
                "right.insole.cell01_counts")));
        assertEquals(Optional.empty(), InsoleSignalNotices.forceNotInNewtons(channels("left.insole.cell01_n")));
    }

    /** A force named in a unit of mass gets the names of the force units that are converted. */
    @Test
    void aForceInUnitsOfMassIsToldTheForceUnits() {
        String notNewtons = " not in newtons: loading figures need force in newtons, so this input gives events and strides"
                + " but no loading figures";
        assertEquals(Optional.of("insole force left.insole.force_kg is" + notNewtons + "; kg and lb are masses: a force in"
                + " kilogram-force or pound-force is named _kgf or _lbf, and is converted to newtons while reading"),
                InsoleSignalNotices.forceNotInNewtons(channels("left.insole.force_kg")));
        assertEquals(Optional.of("insole force left.insole.force_au is" + notNewtons),
                InsoleSignalNotices.forceNotInNewtons(channels("left.insole.force_au")));
    }

    /** Each foot's strides' peak forces, body weights. */
    private static Map<Side, double[]> peaksBw(GaitAnalysis gait) {
        Map<Side, double[]> peaks = new EnumMap<>(Side.class);
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            peaks.put(side, gait.strides().stream().filter(r -> r.stride().side() == side && r.loading() != null)
                    .mapToDouble(r -> r.loading().peakForceBw()).filter(Double::isFinite).toArray());
        }
        return peaks;
    }
}
