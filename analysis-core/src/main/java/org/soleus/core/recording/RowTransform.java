package org.soleus.core.recording;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Puts a sink in front of another that maps every sample row on its own: its output for a row
 * depends only on that row and on the stream's header, never on earlier rows. A stream may
 * then be cut into parts that are transformed independently (e.g. on several threads) and
 * joined in order, with the same result as transforming it whole.
 * {@link org.soleus.core.load.CellAggregatingSink CellAggregatingSink::new} is one.
 *
 * <p>Each call of {@link #wrap} must return a new sink: the parts' sinks are used at the same
 * time. A part's sink gets {@link SampleSink#start} with the whole stream's header and
 * {@link SampleSink#end} with no warnings; the stream's warnings reach the sink of the whole
 * stream only, which ends after every part's sink. A sink that counts rows for a warning of its
 * own therefore adds its counts to a tally that all the sinks of one stream share, and the
 * whole stream's sink reports the total: such a transform makes the tally in
 * {@link #forOneStream}, which a reader of a stream calls once, before its first {@link #wrap}.
 */
@FunctionalInterface
public interface RowTransform {

    /**
     * A new sink that maps each row and hands it on to {@code downstream}.
     *
     * @param downstream receives the mapped header and rows
     */
    SampleSink wrap(SampleSink downstream);

    /**
     * The transform for one stream, whose sinks may share what they count: this one, unless it
     * keeps such a tally, which each stream starts afresh.
     */
    default RowTransform forOneStream() {
        return this;
    }

    /**
     * The transform of a stage whose sinks count rows for a warning at the end of a stream, in
     * front of {@code next}'s sinks: {@code stage} makes a sink from the sink it hands on to and
     * the tally it counts into. {@link #wrap} gives a sink with a tally of its own, for a stream
     * it sees whole; {@link #forOneStream} a transform whose sinks, those of one stream, share a
     * new tally, in front of {@code next}'s transform for that stream.
     */
    static RowTransform tallied(BiFunction<SampleSink, StreamTally, SampleSink> stage, RowTransform next) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(next, "next");
        return new RowTransform() {
            @Override
            public SampleSink wrap(SampleSink downstream) {
                return stage.apply(next.wrap(downstream), new StreamTally());
            }

            @Override
            public RowTransform forOneStream() {
                StreamTally tally = new StreamTally();
                RowTransform nextForStream = next.forOneStream();
                return downstream -> stage.apply(nextForStream.wrap(downstream), tally);
            }
        };
    }

    /** The transform that hands every row on unchanged. */
    static RowTransform identity() {
        return downstream -> downstream;
    }
}
