package org.soleus.core.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RowTransformTest {

    /** A sink that counts its rows into its tally as it ends and records the total it was told. */
    private static final class Counting extends ForwardingSink {
        final StreamTally tally;
        final List<long[]> totals;
        private long rows;

        Counting(SampleSink next, StreamTally tally, List<long[]> totals) {
            super(next);
            this.tally = tally;
            this.totals = totals;
        }

        @Override
        public void accept(float[] row) {
            rows++;
            super.accept(row);
        }

        @Override
        public void end(List<String> warnings) {
            totals.add(tally.add(new long[] {rows}));
            super.end(warnings);
        }
    }

    private static final SampleSink NOWHERE = new SampleSink() {
        @Override
        public void start(RecordingHeader header) {
        }

        @Override
        public void accept(float[] row) {
        }

        @Override
        public void end(List<String> warnings) {
        }
    };

    private static void run(SampleSink sink, int rows) {
        for (int i = 0; i < rows; i++) {
            sink.accept(new float[] {i});
        }
        sink.end(List.of());
    }

    @Test
    void theSinksOfOneStreamShareATallyAndEachStreamStartsAfresh() {
        List<long[]> totals = new ArrayList<>();
        List<Integer> nextStreams = new ArrayList<>();
        RowTransform next = new RowTransform() {
            @Override
            public SampleSink wrap(SampleSink downstream) {
                return downstream;
            }

            @Override
            public RowTransform forOneStream() {
                nextStreams.add(1);
                return this;
            }
        };
        RowTransform counted = RowTransform.tallied((d, t) -> new Counting(d, t, totals), next);

        Counting alone = (Counting) counted.wrap(NOWHERE);
        Counting other = (Counting) counted.wrap(NOWHERE);
        assertNotSame(alone.tally, other.tally, "a sink made by wrap counts on its own");

        RowTransform stream = counted.forOneStream();
        assertEquals(1, nextStreams.size(), "the next transform is taken for the stream too");
        Counting part = (Counting) stream.wrap(NOWHERE);
        Counting whole = (Counting) stream.wrap(NOWHERE);
        assertSame(part.tally, whole.tally);
        run(part, 3);
        run(whole, 4);
        assertArrayEquals(new long[] {7}, totals.get(totals.size() - 1), "the last to end is told the stream's rows");

        Counting again = (Counting) counted.forOneStream().wrap(NOWHERE);
        run(again, 2);
        assertArrayEquals(new long[] {2}, totals.get(totals.size() - 1), "another stream counts afresh");
    }
}
