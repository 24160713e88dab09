package org.soleus.core.analysis;

import org.soleus.core.load.PressureTrack;
import org.soleus.core.load.PressureTrackChannels;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.Side;

/**
 * One foot's recent heel force and centre of pressure, and the raw total force the heel share
 * divides by, as the stream carries them (summarised from the insole cells by
 * {@link org.soleus.core.load.CellAggregatingSink} where it carries the cells): a ring of a power
 * of two of samples per column, addressed by the sample's index in the stream, and the
 * {@link PressureTrack} a stance's loading reads them through, over windows allocated once. No
 * allocation per sample. Not thread-safe.
 */
final class LivePressureHistory {
    /** The columns of the row: heel force, CoP x and y, raw total force; −1 where absent. */
    private final int[] columns;
    private final float[][] history;
    private final float[][] window;
    private final PressureTrack track;
    private final int mask;

    private LivePressureHistory(int[] columns, double spanY, int capacity) {
        this.columns = columns;
        this.history = new float[columns.length][];
        this.window = new float[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] >= 0) {
                history[c] = new float[capacity];
                window[c] = new float[capacity];
            }
        }
        this.track = new PressureTrack(window[0], window[3], window[1], window[2], spanY);
        this.mask = capacity - 1;
    }

    /**
     * The history of the foot whose total force is column {@code forceIndex}, or null when the
     * stream lacks the centre of pressure, or the heel force where the layout needs it.
     *
     * @param capacity samples kept, a power of two
     */
    static LivePressureHistory of(Side side, int forceIndex, RecordingHeader h, int capacity) {
        PressureTrackChannels names = PressureTrackChannels.of(side, h.metadata().layout(side));
        int heel = h.indexOf(names.heelForce());
        // heel force, CoP x and y, and the raw total force that the heel share divides by
        int[] columns = {heel, h.indexOf(names.copX()), h.indexOf(names.copY()), heel >= 0 ? forceIndex : -1};
        boolean complete = columns[2] >= 0 && (!names.heelRequired() || heel >= 0);
        return complete ? new LivePressureHistory(columns, names.spanY(), capacity) : null;
    }

    /** Holds row {@code index} of the stream. */
    void accept(float[] row, long index) {
        int slot = (int) (index & mask);
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] >= 0) {
                history[c][slot] = row[columns[c]];
            }
        }
    }

    /**
     * Heel force and CoP over {@code [from, from + len)}, which must still be held, copied to the
     * start of the track.
     */
    PressureTrack track(long from, int len) {
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] < 0) {
                continue;
            }
            for (int i = 0; i < len; i++) {
                window[c][i] = history[c][(int) ((from + i) & mask)];
            }
        }
        return track;
    }
}
