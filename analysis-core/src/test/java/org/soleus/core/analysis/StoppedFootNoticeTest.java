package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;

final class StoppedFootNoticeTest {
    private static final int RATE_HZ = 100;
    /** A stride of 1.1 s: 0.66 s of contact, then swing; the right foot half a stride later. */
    private static final int STRIDE = 110;
    private static final int CONTACT = 66;
    private static final int SECONDS = 40;

    /** What to do to a foot's force from a sample on. */
    private enum Fault { NONE, MISSING, NOISE_ONLY, CONSTANT, LATE, SHUFFLE, ODD_THEN_MISSING }

    /** A 40-s walk of two insoles (a signal proportional to force), the right one spoilt by {@code fault} from {@code fromS} on. */
    private static Recording walk(Fault fault, double fromS) {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", RATE_HZ, 0,
                List.of(ChannelName.parse("left.insole.force_au"), ChannelName.parse("right.insole.force_au")),
                RecordingMetadata.EMPTY));
        Random noise = new Random(7);
        for (int i = 0; i < SECONDS * RATE_HZ; i++) {
            float right = load(i + STRIDE / 2);
            if (fault == Fault.LATE && i < fromS * RATE_HZ) {
                right = Float.NaN;
            } else if (i >= fromS * RATE_HZ) {
                right = switch (fault) {
                    case NONE, LATE -> right;
                    case MISSING -> Float.NaN;
                    case NOISE_ONLY -> 20 + noise.nextInt(3);
                    case CONSTANT -> 20;
                    // contacts of 0.3 s every 0.5 s: strides too short for the limits
                    case SHUFFLE -> (i % 50) < 30 ? 700 : 0;
                    // a stride loaded for 1 s of its 1.1 s (stance beyond 80 %), the next heel strike, then nothing
                    case ODD_THEN_MISSING -> oddThenMissing(i - (int) Math.round(fromS * RATE_HZ));
                };
            }
            builder.accept(new float[] {load(i), right});
        }
        builder.end(List.of());
        return builder.build();
    }

    /**
     * Sample {@code k} after the start of a stride loaded for 1 s of its 1.1 s, followed by the
     * next heel strike's first 0.3 s and then missing samples.
     */
    private static float oddThenMissing(int k) {
        if (k < STRIDE) {
            return k < 100 ? 700 * Math.min(1, Math.min(k + 1, 100 - k) / 5f) : 0;
        }
        return k < STRIDE + 30 ? 700 * Math.min(1, (k - STRIDE + 1) / 5f) : Float.NaN;
    }

    /** Sample {@code i} of steps of 700 N, a 5-sample ramp at each edge. */
    private static float load(int i) {
        int k = i % STRIDE;
        return k < CONTACT ? 700 * Math.min(1, Math.min(k + 1, CONTACT - k) / 5f) : 0;
    }

    private static Optional<String> notice(Recording recording) {
        return StoppedFootNotice.of(recording, InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults()));
    }

    @Test
    void aFootWhoseForceIsLostPartWayIsTold() {
        Optional<String> told = notice(walk(Fault.MISSING, 20));
        assertTrue(told.isPresent());
        assertTrue(told.get().startsWith("the right foot's strides end at 19."), told.get());
        assertTrue(told.get().contains("while the left's go on to 3") && told.get().endsWith("over different spans"),
                told.get());
    }

    @Test
    void aFootThatGivesOnlyNoiseIsTold() {
        assertEquals(Optional.of("the right foot has no strides while the left has " + leftStrides(walk(Fault.NOISE_ONLY, 0))
                + ": that insole stopped giving steps (or never gave any) while the other foot walked (a flat battery, a"
                + " loose cable, a lost connection?); the session's left/right asymmetries compare the feet over"
                + " different spans"), notice(walk(Fault.NOISE_ONLY, 0)));
        assertTrue(notice(walk(Fault.NOISE_ONLY, 25)).orElseThrow().startsWith("the right foot's strides end at 2"));
    }

    /** An insole whose force comes only from 15 s on began late: told as such. */
    @Test
    void aFootThatBeginsLateIsToldAsLate() {
        String told = notice(walk(Fault.LATE, 15)).orElseThrow();
        assertTrue(told.startsWith("the right foot's strides begin only at 15.") && told.contains("began giving steps late"),
                told);
    }

    /**
     * A foot whose last strides are all rejected (here: its steps turn into a shuffle of short
     * contacts) has a working sensor: not told.
     */
    @Test
    void aFootWhoseLastStepsAreRejectedIsNotToldAsLost() {
        assertEquals(Optional.empty(), notice(walk(Fault.SHUFFLE, 20)));
    }

    /** One odd step rejected just before the insole is lost does not hide the loss. */
    @Test
    void aRejectedStepJustBeforeTheLossDoesNotHideIt() {
        Recording walk = walk(Fault.ODD_THEN_MISSING, 20.35);
        GaitAnalysis gait = InsoleGaitAnalyzer.analyze(walk, GaitSettings.defaults());
        assertTrue(gait.rejected().stream().anyMatch(r -> r.reason() != RejectedStride.Reason.MISSING_DATA), gait.rejected()
                .toString());
        assertTrue(StoppedFootNotice.of(walk, gait).orElseThrow().startsWith("the right foot's strides end at "));
    }

    /** The strides a dropout costs one foot are told though the other foot's many rejections are told too. */
    @Test
    void aDropoutIsToldPerFoot() {
        Recording walk = walk(Fault.SHUFFLE, 0);
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", RATE_HZ, 0, walk.channelNames(), RecordingMetadata.EMPTY));
        for (int i = 0; i < walk.length(); i++) {
            float left = i >= 1500 && i < 1530 ? Float.NaN : walk.channel("left.insole.force_au").get(i);
            builder.accept(new float[] {left, walk.channel("right.insole.force_au").get(i)});
        }
        builder.end(List.of());
        GaitAnalysis gait = InsoleGaitAnalyzer.analyze(builder.build(), GaitSettings.defaults());
        assertTrue(GaitNotices.manyRejected(gait).orElseThrow().startsWith("many candidate strides were rejected: right "),
                GaitNotices.manyRejected(gait).toString());
        assertTrue(GaitNotices.strideLostToMissingData(gait).orElseThrow().contains(": left 1 (14."),
                GaitNotices.strideLostToMissingData(gait).toString());
    }

    @Test
    void bothFeetWalkingOrAFlatInsoleOrALateSingleStepAreNotTold() {
        assertEquals(Optional.empty(), notice(walk(Fault.NONE, 0)));
        assertEquals(Optional.empty(), notice(walk(Fault.CONSTANT, 0)), "a constant insole has its own notice");
        assertEquals(Optional.empty(), notice(walk(Fault.MISSING, SECONDS - 3)), "two strides lost at the end");
    }

    private static long leftStrides(Recording recording) {
        return InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults()).strides().stream()
                .filter(s -> s.stride().side().label().equals("left")).count();
    }
}
