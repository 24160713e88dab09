package org.soleus.core.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Side;

final class StrideAssemblerTest {
    private static final StrideLimits LIMITS = new StrideLimits(0.6, 3.0, 30, 80);

    private final List<Stride> strides = new ArrayList<>();
    private final List<RejectedStride> rejected = new ArrayList<>();
    /** The span of missing samples of {@link #gapSide}, none by default. */
    private Side gapSide = Side.NONE;
    private double gapFromS = Double.NaN;
    private double gapToS = Double.NaN;
    private final StrideAssembler assembler = new StrideAssembler(LIMITS,
            (side, fromS, toS) -> side == gapSide && fromS <= gapToS && toS >= gapFromS, new StrideListener() {
        @Override
        public void onStride(Stride stride) {
            strides.add(stride);
        }

        @Override
        public void onRejected(RejectedStride r) {
            rejected.add(r);
        }
    });

    @Test
    void buildsStridesWithDoubleSupportFromTheOtherFoot() {
        // left: HS 0.0, TO 0.62, HS 1.0; right: TO 0.1 (from an earlier contact), HS 0.5, TO 1.12
        feed(Side.RIGHT, GaitEventType.HEEL_STRIKE, -0.5);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.0);
        feed(Side.RIGHT, GaitEventType.TOE_OFF, 0.1);
        feed(Side.RIGHT, GaitEventType.HEEL_STRIKE, 0.5);
        feed(Side.LEFT, GaitEventType.TOE_OFF, 0.62);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.0);

        assertEquals(2, strides.size(), strides.toString());
        Stride right = strides.get(0);
        assertEquals(Side.RIGHT, right.side());
        assertEquals(0.1, right.doubleSupportS(), 1e-12, "right stance [-0.5, 0.1] overlaps left [0.0, 0.62]");
        Stride s = strides.get(1);
        assertEquals(Side.LEFT, s.side());
        assertEquals(1.0, s.strideS(), 1e-12);
        assertEquals(0.62, s.stanceS(), 1e-12);
        assertEquals(62.0, s.stancePct(), 1e-9);
        // both loaded in [0.0, 0.1] and [0.5, 0.62]
        assertEquals(0.22, s.doubleSupportS(), 1e-12);
    }

    @Test
    void theFirstStrideCountsTheOtherFootsContactFromBeforeTheData() {
        // right loaded from the start until its first event, a toe off at 0.3
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.1);
        feed(Side.RIGHT, GaitEventType.TOE_OFF, 0.3);
        feed(Side.RIGHT, GaitEventType.HEEL_STRIKE, 0.6);
        feed(Side.LEFT, GaitEventType.TOE_OFF, 0.75);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.2);

        assertEquals(1, strides.size(), strides.toString());
        // both loaded in [0.1, 0.3] and [0.6, 0.75]
        assertEquals(0.35, strides.get(0).doubleSupportS(), 1e-12);
    }

    @Test
    void rejectsAStrideWhoseOtherFootNeverLifted() {
        // right loaded from -0.5 to 1.5: the left stance [0.0, 0.6] has no single support
        feed(Side.RIGHT, GaitEventType.HEEL_STRIKE, -0.5);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.0);
        feed(Side.LEFT, GaitEventType.TOE_OFF, 0.6);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.1);
        feed(Side.RIGHT, GaitEventType.TOE_OFF, 1.5);
        feed(Side.LEFT, GaitEventType.TOE_OFF, 1.7);
        feed(Side.RIGHT, GaitEventType.HEEL_STRIKE, 1.9);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 2.2);

        assertEquals(List.of(new RejectedStride(Side.LEFT, 0.0, 1.1, RejectedStride.Reason.NO_SINGLE_SUPPORT)),
                rejected.stream().filter(r -> r.side() == Side.LEFT).toList());
        assertEquals(List.of(1.1), strides.stream().filter(r -> r.side() == Side.LEFT).map(Stride::startS).toList());
    }

    @Test
    void rejectsStridesThatFailAValidityCheck() {
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.0);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.0);           // no toe off
        feed(Side.LEFT, GaitEventType.TOE_OFF, 1.3);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.5);           // 0.5 s: too short
        feed(Side.LEFT, GaitEventType.TOE_OFF, 2.4);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 2.5);           // stance 90 %
        feed(Side.LEFT, GaitEventType.TOE_OFF, 3.1);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 6.0);           // 3.5 s: too long
        assertTrue(strides.isEmpty(), strides.toString());
        assertEquals(List.of(RejectedStride.Reason.NO_SINGLE_TOE_OFF, RejectedStride.Reason.STRIDE_DURATION,
                RejectedStride.Reason.PHASE_DURATION, RejectedStride.Reason.STRIDE_DURATION),
                rejected.stream().map(RejectedStride::reason).toList());
    }

    @Test
    void doubleSupportIsUnknownWithoutTheOtherFoot() {
        feed(Side.RIGHT, GaitEventType.HEEL_STRIKE, 0.0);
        feed(Side.RIGHT, GaitEventType.TOE_OFF, 0.6);
        feed(Side.RIGHT, GaitEventType.HEEL_STRIKE, 1.0);
        assertEquals(1, strides.size());
        assertTrue(Double.isNaN(strides.get(0).doubleSupportS()));
    }

    @Test
    void aStrideWithMissingSamplesIsRejectedForThatFirst() {
        gapSide = Side.LEFT;
        gapFromS = 0.3;
        gapToS = 0.4;
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.0);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.0);           // no toe off either
        feed(Side.LEFT, GaitEventType.TOE_OFF, 1.6);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 2.0);
        assertEquals(List.of(new RejectedStride(Side.LEFT, 0.0, 1.0, RejectedStride.Reason.MISSING_DATA)), rejected);
        assertEquals(List.of(1.0), strides.stream().map(Stride::startS).toList());
    }

    @Test
    void doubleSupportIsUnknownWhereTheOtherFootHasMissingSamples() {
        // the right foot seems loaded through the left stance, but its signal is missing in it
        gapSide = Side.RIGHT;
        gapFromS = 0.2;
        gapToS = 0.3;
        feed(Side.RIGHT, GaitEventType.HEEL_STRIKE, -0.5);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.0);
        feed(Side.LEFT, GaitEventType.TOE_OFF, 0.6);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.1);
        assertTrue(rejected.isEmpty(), rejected.toString());
        assertEquals(1, strides.size(), strides.toString());
        assertTrue(Double.isNaN(strides.get(0).doubleSupportS()), strides.toString());
    }

    private void feed(Side side, GaitEventType type, double timeS) {
        assembler.accept(new GaitEvent(side, type, timeS, Math.round(timeS * 100)));
    }
}
