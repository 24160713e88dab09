package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * The notice for an insole that stopped giving steps while the other foot walked on: a flat
 * battery, a loose cable or a lost connection part way through (its force missing, or flat but
 * for noise, from then on), or a sensor that never gave any. Nothing else says so: the strides
 * of that foot are simply fewer, and the session's left/right asymmetries then compare the feet
 * over different spans. Told when both feet have an insole force that is not dead (that has its
 * own notice) and more than {@value #MISSED_STRIDES} strides of one foot lie wholly after the last
 * step of the other (or before its first): its last stride, or a later candidate rejected for
 * other reasons than missing samples (the sensor works, the steps broke the stride limits: the
 * notice of rejected strides tells that); or when one foot has none while the other has at least
 * {@value #MIN_OTHER_STRIDES} (unless its candidates were rejected). A walk's first and last steps differ by one stride at most, and a step or
 * two while standing before the walk (one foot's stride, then a pause too long for a stride) by
 * no more than that. Stateless.
 */
final class StoppedFootNotice {
    /** Strides of the other foot that may lie beyond one foot's last (or before its first) before it is told. */
    static final int MISSED_STRIDES = 3;
    /** Strides of the other foot that make a foot without any told. */
    static final int MIN_OTHER_STRIDES = 5;

    private StoppedFootNotice() {
    }

    /** The strides of one foot, each as its start and end, s, in time order. */
    private record Span(double[] startsS, double[] endsS) {
        int strides() {
            return startsS.length;
        }

        double firstS() {
            return startsS[0];
        }

        double lastS() {
            return endsS[endsS.length - 1];
        }

        /** How many of these strides lie wholly after {@code timeS}. */
        long after(double timeS) {
            return Arrays.stream(startsS).filter(s -> s >= timeS).count();
        }

        /** How many of these strides lie wholly before {@code timeS}. */
        long before(double timeS) {
            return Arrays.stream(endsS).filter(e -> e <= timeS).count();
        }
    }

    static Optional<String> of(Recording recording, GaitAnalysis gait) {
        Map<Side, Span> spans = new EnumMap<>(Side.class);
        for (ChannelName force : InsoleChannels.forceChannels(recording.channelNames())) {
            if (InsoleChannels.isDead(recording.channel(force.toString()))) {
                return Optional.empty();
            }
            spans.put(force.side(), span(gait, force.side()));
        }
        if (spans.size() < 2) {
            return Optional.empty();
        }
        List<String> stopped = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            Side other = side == Side.LEFT ? Side.RIGHT : Side.LEFT;
            Span own = spans.get(side);
            Span theirs = spans.get(other);
            if (own.strides() == 0) {
                long rejected = gait.rejected().stream().filter(r -> r.side() == side).count();
                if (theirs.strides() >= MIN_OTHER_STRIDES && rejected < MIN_OTHER_STRIDES) {
                    stopped.add("the " + side.label() + " foot has no strides while the " + other.label() + " has "
                            + theirs.strides());
                }
                continue;
            }
            if (theirs.strides() == 0) {
                continue;
            }
            // Candidates rejected for other reasons than missing samples are steps the sensor saw.
            double lastStepS = Math.max(own.lastS(), gait.rejected().stream().filter(r -> seen(r, side))
                    .mapToDouble(RejectedStride::endS).max().orElse(Double.NEGATIVE_INFINITY));
            double firstStepS = Math.min(own.firstS(), gait.rejected().stream().filter(r -> seen(r, side))
                    .mapToDouble(RejectedStride::startS).min().orElse(Double.POSITIVE_INFINITY));
            if (theirs.after(lastStepS) > MISSED_STRIDES) {
                stopped.add("the " + side.label() + " foot's strides end at " + seconds(own.lastS()) + " while the "
                        + other.label() + "'s go on to " + seconds(theirs.lastS()));
            }
            if (theirs.before(firstStepS) > MISSED_STRIDES) {
                late.add("the " + side.label() + " foot's strides begin only at " + seconds(own.firstS()) + ", the "
                        + other.label() + "'s at " + seconds(theirs.firstS()));
            }
        }
        List<String> told = new ArrayList<>();
        if (!stopped.isEmpty()) {
            told.add(String.join("; ", stopped) + ": " + (stopped.size() == 1 ? "that insole" : "each") + " stopped"
                    + " giving steps (or never gave any) while the other foot walked (a flat battery, a loose cable, a"
                    + " lost connection?)");
        }
        if (!late.isEmpty()) {
            told.add(String.join("; ", late) + ": " + (late.size() == 1 ? "that insole" : "each") + " began giving"
                    + " steps late (connected late, a loose cable?)");
        }
        return told.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", told) + "; the session's left/right"
                + " asymmetries compare the feet over different spans");
    }

    /** Whether {@code rejected} is a step of {@code side} that its sensor saw: not one with missing samples. */
    private static boolean seen(RejectedStride rejected, Side side) {
        return rejected.side() == side && rejected.reason() != RejectedStride.Reason.MISSING_DATA;
    }

    private static Span span(GaitAnalysis gait, Side side) {
        double[] starts = gait.strides().stream().filter(s -> s.stride().side() == side)
                .mapToDouble(s -> s.stride().startS()).sorted().toArray();
        double[] ends = gait.strides().stream().filter(s -> s.stride().side() == side)
                .mapToDouble(s -> s.stride().endS()).sorted().toArray();
        return new Span(starts, ends);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }
}
