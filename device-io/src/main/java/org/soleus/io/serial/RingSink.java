package org.soleus.io.serial;

import static org.soleus.io.format.ReadOptions.BODY_MASS_KEY;

import java.util.Objects;
import org.soleus.io.codec.FrameSink;
import org.soleus.io.codec.StreamDescriptor;
import org.soleus.io.stream.SampleRing;
import org.soleus.io.stream.SampleRow;

/**
 * Copies a {@link SerialStream}'s decoded frames into its {@link SampleRing}, created at the first
 * descriptor, flagging the first row after a reconnect or a device restart; a later descriptor
 * that changes the channels, the sample rate or the body mass stops the stream.
 *
 * <p>Called on the reader thread; {@link #descriptor()} and {@link #ring()} from any.
 */
final class RingSink implements FrameSink {
    private final ReaderState state;
    private final String name;
    private final int ringCapacityRows;

    private volatile StreamDescriptor descriptor;
    private volatile SampleRing ring;
    /** The flags of the next row offered: {@link SampleRow#AFTER_RECONNECT}, {@link SampleRow#AFTER_RESTART}. */
    private int pendingFlags;

    RingSink(ReaderState state, String name, int ringCapacityRows) {
        this.state = state;
        this.name = name;
        this.ringCapacityRows = ringCapacityRows;
    }

    /** The first descriptor received, or null before it arrived. */
    StreamDescriptor descriptor() {
        return descriptor;
    }

    /** The ring, or null before the first descriptor. */
    SampleRing ring() {
        return ring;
    }

    /** The link was reopened: the next row carries {@link SampleRow#AFTER_RECONNECT}, and no older flag. */
    void afterReconnect() {
        pendingFlags = SampleRow.AFTER_RECONNECT;
    }

    @Override
    public void onDescriptor(StreamDescriptor d) {
        StreamDescriptor current = descriptor;
        if (current == null) {
            ring = new SampleRing(SampleRing.capacityFor(ringCapacityRows), d.width());
            descriptor = d;
        } else if (!current.channelNames().equals(d.channelNames())) {
            changed("its channels", String.valueOf(current.width()), d.width() + " channels");
        } else if (Double.compare(current.sampleRateHz(), d.sampleRateHz()) != 0) {
            changed("its sample rate", rate(current), rate(d));
        } else if (!Objects.equals(current.properties().get(BODY_MASS_KEY), d.properties().get(BODY_MASS_KEY))) {
            changed("the body mass", mass(current), mass(d));
        }
    }

    private void changed(String what, String from, String to) {
        state.fail(new SerialPortException(SerialPortException.Kind.DECLARATION_CHANGED, name
                + ": the device changed " + what + " mid-stream (from " + from + " to " + to + "): start a new recording"));
    }

    private static String rate(StreamDescriptor d) {
        return d.hasSampleRate() ? Durations.plain(d.sampleRateHz()) + " Hz" : "none stated";
    }

    private static String mass(StreamDescriptor d) {
        String kg = d.properties().get(BODY_MASS_KEY);
        return kg == null ? "none stated" : kg + " kg";
    }

    @Override
    public void onRestart() {
        pendingFlags |= SampleRow.AFTER_RESTART;
    }

    @Override
    public void onFrame(long sequence, long deviceTimeUs, float[] values) {
        SampleRing r = ring;
        if (r == null || state.fault() != null) {
            return;
        }
        if (r.offer(sequence, deviceTimeUs, System.nanoTime(), pendingFlags, values)) {
            pendingFlags = 0;
        }
    }
}
