package org.soleus.core.recording;

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

    /** The transform that hands every row on unchanged. */
    static RowTransform identity() {
        return downstream -> downstream;
    }
}
