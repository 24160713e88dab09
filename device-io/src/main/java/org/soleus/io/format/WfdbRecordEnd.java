package org.soleus.io.format;

import java.io.IOException;
import java.util.List;

/**
 * What the ends of a WFDB record's signal files say once its frames were streamed
 * ({@link WfdbFrameStream}), as warnings: a file cut inside a format-212 sample pair or a 16-bit
 * sample (the partial bytes dropped), a file that ends inside an interleaved frame (the frame
 * dropped), a file shorter than the header's sample count (which cuts the other files to its
 * length), and a file longer than the header says or, when the header gives no sample count,
 * than the file that ended first (the rest ignored). One instance per read; not thread-safe.
 */
final class WfdbRecordEnd {
    private final WfdbHeader header;
    private final List<WfdbSignalGroup> groups;
    private final WfdbSampleDecoder[] decoders;
    private final long frames;
    /** The signal whose sample was missing when the frames stopped, or -1 when the sample count was reached. */
    private final int stoppedAt;
    /** The group of signal {@link #stoppedAt}, or null. */
    private final WfdbSignalGroup ended;
    private final List<String> warnings;

    private WfdbRecordEnd(WfdbHeader header, List<WfdbSignalGroup> groups, WfdbSampleDecoder[] decoders, long frames,
                          int stoppedAt, List<String> warnings) {
        this.header = header;
        this.groups = groups;
        this.decoders = decoders;
        this.frames = frames;
        this.stoppedAt = stoppedAt;
        this.ended = stoppedAt >= 0 ? WfdbSignalGroup.holding(groups, stoppedAt) : null;
        this.warnings = warnings;
    }

    /**
     * Adds warnings about how the files ended; returns whether every declared sample was read.
     *
     * @param decoders  the groups' decoders, after the last frame
     * @param frames    the whole frames read
     * @param stoppedAt the signal whose sample was missing when the frames stopped, or -1
     */
    static boolean check(WfdbHeader header, List<WfdbSignalGroup> groups, WfdbSampleDecoder[] decoders, long frames,
                         int stoppedAt, List<String> warnings) throws IOException {
        return new WfdbRecordEnd(header, groups, decoders, frames, stoppedAt, warnings).check();
    }

    private boolean check() throws IOException {
        boolean complete = !warnAboutCutSamples();
        complete &= !warnAboutCutFrame();
        if (header.knowsSampleCount() && frames < header.sampleCount()) {
            warnings.add(ended.file() + ": holds only " + frames + " of " + declared() + "; read the " + frames
                    + " there are" + othersCut());
            return false;
        }
        return warnAboutLongerFiles() && complete;
    }

    /** Warns about each file that ends inside a sample; returns whether there was one. */
    private boolean warnAboutCutSamples() {
        boolean cut = false;
        for (int g = 0; g < groups.size(); g++) {
            int dropped = decoders[g].droppedBytes();
            if (dropped > 0) {
                cut = true;
                warnings.add(groups.get(g).file() + ": ends " + dropped + " byte(s) into "
                        + (groups.get(g).first().format() == 212 ? "a format-212 sample pair; the incomplete pair"
                        : "a 16-bit sample; the incomplete sample") + " was dropped");
            }
        }
        return cut;
    }

    /** Warns when the file that ended first ends inside an interleaved frame; returns whether it does. */
    private boolean warnAboutCutFrame() {
        if (ended == null || stoppedAt <= ended.firstSignal()) {
            return false;
        }
        warnings.add(ended.file() + ": ends inside a frame (" + (stoppedAt - ended.firstSignal()) + " of "
                + ended.signalCount() + " interleaved signals present); the incomplete frame was dropped");
        return true;
    }

    /**
     * Warns about each file that holds more than was read; returns false when one of them, the
     * header giving no sample count, holds samples that the file that ended first lacks.
     */
    private boolean warnAboutLongerFiles() throws IOException {
        boolean complete = true;
        for (int g = 0; g < groups.size(); g++) {
            // a file whose signals come before the one that ended gave its samples of the
            // unfinished frame already: it held more, even where nothing is left to read
            boolean gaveSamplesOfTheUnfinishedFrame = stoppedAt >= 0
                    && groups.get(g).firstSignal() + groups.get(g).signalCount() <= stoppedAt;
            if (decoders[g].hasMoreBytes() || gaveSamplesOfTheUnfinishedFrame) {
                if (header.knowsSampleCount()) {
                    warnings.add(groups.get(g).file() + ": holds more than " + declared() + "; the rest was ignored");
                } else {
                    complete = false;
                    warnings.add(groups.get(g).file() + ": holds more samples than " + ended.file()
                            + ", which ends after " + frames + " per signal; the rest was ignored");
                }
            }
        }
        return complete;
    }

    /** The header's sample count and where it is declared, for the warnings. */
    private String declared() {
        return "the " + header.sampleCount() + " samples per signal that " + header.file() + ":"
                + header.recordLine() + ":" + header.sampleCountColumn() + " declares";
    }

    /**
     * What a warning about a file that ends early adds about the other signal files: that they
     * were cut to its length (nothing when there are none).
     */
    private String othersCut() {
        StringBuilder others = new StringBuilder();
        for (WfdbSignalGroup g : groups) {
            if (g != ended) {
                others.append(others.length() == 0 ? "" : ", ").append(g.file());
            }
        }
        return others.length() == 0 ? "" : ", and only as many of " + others + ", so that the signals end together";
    }
}
