package org.soleus.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.soleus.core.recording.Side;

/** IMUs strapped on at random: yaw and roll uniform in [-180°, 180°), pitch uniform in [-90°, 90°). */
public final class RandomMountings {
    private RandomMountings() {
    }

    /**
     * One random mounting per leg (left, then right) and segment (in the order given), drawing
     * yaw, pitch and roll from {@code random} in that order.
     */
    public static List<ImuMounting> of(Random random, String... segments) {
        List<ImuMounting> out = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            for (String segment : segments) {
                out.add(new ImuMounting(side, segment, 360 * random.nextDouble() - 180, 180 * random.nextDouble() - 90,
                        360 * random.nextDouble() - 180));
            }
        }
        return out;
    }
}
