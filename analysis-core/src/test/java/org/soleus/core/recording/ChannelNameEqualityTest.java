package org.soleus.core.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The written-out equals and hashCode compare all four parts, as a record's would. */
final class ChannelNameEqualityTest {

    @Test
    void namesOfTheSameTextAreEqualAndHashAlike() {
        ChannelName a = ChannelName.parse("left.insole.cell03_n");
        ChannelName b = ChannelName.of(Side.LEFT, "insole", "cell03", "n");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        Map<ChannelName, Integer> map = new HashMap<>();
        map.put(a, 3);
        assertEquals(3, map.get(b));
    }

    @Test
    void aDifferenceInAnyPartMakesAnotherName() {
        ChannelName base = ChannelName.parse("left.insole.force_n");
        List<ChannelName> others = List.of(
                ChannelName.parse("right.insole.force_n"),
                ChannelName.parse("left.foot.force_n"),
                ChannelName.parse("left.insole.cell01_n"),
                ChannelName.parse("left.insole.force_counts"));
        for (ChannelName other : others) {
            assertNotEquals(base, other, other.toString());
        }
        assertNotEquals(base, "left.insole.force_n");
        assertNotEquals(base, null);
    }
}
