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
    private final StrideAssembler assembler = new StrideAssembler(LIMITS, new StrideListener() {
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
    void aGapDropsTheOpenStride() {
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.0);
        feed(Side.LEFT, GaitEventType.TOE_OFF, 0.6);
        assembler.gap(Side.LEFT);
        feed(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.0);
        assertTrue(strides.isEmpty() && rejected.isEmpty());
    }

    private void feed(Side side, GaitEventType type, double timeS) {
        assembler.accept(new GaitEvent(side, type, timeS, Math.round(timeS * 100)));
    }
}
