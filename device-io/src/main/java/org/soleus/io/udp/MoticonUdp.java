package org.soleus.io.udp;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Side;
import org.soleus.io.format.MoticonReader;

/**
 * The live output of the Moticon OpenGo desktop app: one UDP datagram per sample, 100 Hz, of
 * whitespace-separated numbers: a timestamp (s), then for the left and then the right insole
 * acceleration x, y, z (g), angular rate x, y, z (deg/s), centre of pressure x, y (Moticon's
 * axes: x along the insole, y across it, −0.5 … +0.5; named as {@link MoticonReader#copChannel}
 * names them), the 16 cell pressures (N/cm²) and the total force
 * (N): 51 numbers. The channels are named as {@link org.soleus.io.format.MoticonReader} names
 * the columns of the app's text exports, so a live stream and an export of the same walk
 * analyse alike.
 */
public final class MoticonUdp {
    /** Samples per second the app sends. */
    public static final double SAMPLE_RATE_HZ = 100;
    /** Numbers per datagram. */
    public static final int FIELDS = 51;

    private MoticonUdp() {
    }

    /** The 50 channels after the timestamp, in datagram order. */
    public static List<ChannelName> channels() {
        List<ChannelName> names = new ArrayList<>(FIELDS - 1);
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            for (String axis : new String[] {"x", "y", "z"}) {
                names.add(ChannelName.of(side, "insole", "acc_" + axis, "g"));
            }
            for (String axis : new String[] {"x", "y", "z"}) {
                names.add(ChannelName.of(side, "insole", "gyr_" + axis, "dps"));
            }
            names.add(MoticonReader.copChannel(side, "x"));
            names.add(MoticonReader.copChannel(side, "y"));
            for (int cell = 1; cell <= 16; cell++) {
                names.add(ChannelName.of(side, "insole", (cell < 10 ? "cell0" : "cell") + cell, "ncm2"));
            }
            names.add(ChannelName.of(side, "insole", "force", "n"));
        }
        return names;
    }

    /**
     * The lines the app does not send but the line decoder needs, read before the first
     * datagram: the sample rate and a header naming the time column and the channels.
     */
    public static String prelude() {
        StringBuilder b = new StringBuilder(2048);
        b.append("# sample_rate_hz: ").append(SAMPLE_RATE_HZ).append('\n');
        b.append("# source_format: moticon-opengo-udp\n");
        b.append("# ").append(EventTiming.PROPERTY).append(": ").append(EventTiming.LOAD_LEVELS.id()).append('\n');
        b.append("time_s");
        for (ChannelName name : channels()) {
            b.append(' ').append(name);
        }
        return b.append('\n').toString();
    }
}
