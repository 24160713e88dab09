package org.soleus.io.serial;

import static org.soleus.io.serial.Durations.nanos;
import static org.soleus.io.serial.Durations.plain;

import org.soleus.io.codec.DecoderCounters;
import org.soleus.io.codec.StreamDecoder;
import org.soleus.io.codec.StreamDescriptor;

/**
 * Judges a {@link SerialStream} after every read of its reader thread, by when bytes arrived
 * and what the decoder's counters say: the faults of a stream that sends nothing, whose bytes do
 * not decode, whose frames come without a descriptor, whose rows come faster than it states, or
 * that stops sending; and whether it passed the check for its protocol, after its first
 * {@code nothingDecodesS}.
 *
 * <p>Reader thread only, but for {@link #decodesAsExpected()}. No allocation but for a fault.
 */
final class StreamWatch {
    /**
     * More malformed lines or frames than this many times the good ones in the first
     * {@code nothingDecodesS} after the first decode: the stream is not in the expected protocol
     * or baud rate (a noisy but working cable loses a few per cent).
     */
    private static final int MOSTLY_MALFORMED = 10;

    private final String name;
    private final LinkOpener opener;
    private final StreamDecoder decoder;
    private final SerialStream.Settings settings;
    private final String decodeHint;

    private long connectedAt;
    private long firstByteAt = -1;
    private long firstDecodeAt = -1;
    private long lastByteAt;
    /** Whether the first window after the first decode has passed, in which the share of malformed input is judged. */
    private boolean judged;
    /** Whether samples decoded and the first window's share of malformed frames was judged: see {@link #decodesAsExpected()}. */
    private volatile boolean decodesAsExpected;
    /** How long the port was away before the last reconnect, s, or -1; with the frames decoded by then. */
    private double reconnectedDownS = -1;
    private long framesAtReconnect;

    StreamWatch(String name, LinkOpener opener, StreamDecoder decoder, SerialStream.Settings settings, String decodeHint) {
        this.name = name;
        this.opener = opener;
        this.decoder = decoder;
        this.settings = settings;
        this.decodeHint = decodeHint;
    }

    /**
     * Whether most of what arrived did not decode: more malformed lines or frames than
     * {@value #MOSTLY_MALFORMED} times the good ones, or any when none was good.
     */
    static boolean mostlyUndecoded(DecoderCounters c) {
        return c.frames() == 0 ? c.malformed() > 0 : c.malformed() > MOSTLY_MALFORMED * c.frames();
    }

    /** The port was opened at {@code now}: the silence counts from then. */
    void connected(long now) {
        connectedAt = now;
        lastByteAt = now;
    }

    /** The port came back after {@code downS} s away, when {@code frames} had been decoded. */
    void reconnected(double downS, long frames) {
        reconnectedDownS = downS;
        framesAtReconnect = frames;
    }

    /** Bytes arrived at {@code now}. */
    void bytesArrived(long now) {
        if (firstByteAt < 0) {
            firstByteAt = now;
        }
        lastByteAt = now;
    }

    /**
     * Whether the stream has passed the check for its protocol: samples decoded, and the first
     * {@code nothingDecodesS} after the first decode have passed without a fault. Any thread.
     */
    boolean decodesAsExpected() {
        return decodesAsExpected;
    }

    /**
     * Judges the stream at {@code now}, after a read.
     *
     * @param descriptor the stream's first descriptor, or null before it
     * @return the fault that stops the stream, or null when it goes on
     */
    SerialPortException check(long now, StreamDescriptor descriptor) {
        DecoderCounters c = decoder.counters();
        if (firstDecodeAt < 0 && (c.frames() > 0 || c.descriptors() > 0 || c.undescribed() > 0)) {
            firstDecodeAt = now;
        }
        SerialPortException fault = firstDecodeAt < 0 ? beforeDecode(now, c) : afterDecode(now, c, descriptor);
        if (fault == null) {
            // the share of malformed lines or frames is judged once, when the first window has passed
            judged |= firstDecodeAt >= 0 && now - firstDecodeAt > nanos(settings.nothingDecodesS());
            if (judged && c.frames() > 0 && !decodesAsExpected) {
                decodesAsExpected = true;
            }
        }
        return fault;
    }

    /** Nothing decoded yet: nothing arrived, or what arrived does not decode. */
    private SerialPortException beforeDecode(long now, DecoderCounters c) {
        if (firstByteAt < 0 && now - connectedAt > nanos(settings.noDataS())) {
            return fault(SerialPortException.Kind.NO_DATA, "nothing arrived in " + plain(settings.noDataS()) + " s: "
                    + opener.silenceHint());
        }
        if (firstByteAt >= 0 && now - firstByteAt > nanos(settings.nothingDecodesS())) {
            return fault(SerialPortException.Kind.NOTHING_DECODES, c.bytes() + " bytes arrived in "
                    + plain(settings.nothingDecodesS()) + " s but none decodes: " + hint());
        }
        return null;
    }

    /** Something decoded: the descriptor, the share of malformed input, the rate and the silence. */
    private SerialPortException afterDecode(long now, DecoderCounters c, StreamDescriptor descriptor) {
        boolean windowPassed = now - firstDecodeAt > nanos(settings.nothingDecodesS());
        if (descriptor == null && windowPassed) {
            String refused = decoder.refusedDescriptor();
            return fault(SerialPortException.Kind.NO_DESCRIPTOR, "frames arrive but no descriptor declares their"
                    + " channels: " + (refused != null ? refused
                    : "the device must send its descriptor at least every few seconds"));
        }
        if (windowPassed && (c.frames() == 0 || !judged) && mostlyUndecoded(c)) {
            // the stream declared its channels (or a protocol's fixed layout did, or a
            // stray piece of a binary stream read as lines looked like a header), but what
            // follows never fits them, or hardly ever in the first window
            return fault(SerialPortException.Kind.NOTHING_DECODES, c.malformed() + " of "
                    + (c.malformed() + c.frames()) + " lines or frames since the stream began do not decode: "
                    + hint());
        }
        if (!judged && windowPassed && decoder.fasterThanStated() != null) {
            return fault(SerialPortException.Kind.NOTHING_DECODES, decoder.fasterThanStated());
        }
        return now - lastByteAt > nanos(settings.idleTimeoutS()) ? silence(c) : null;
    }

    /** The device sent nothing for the idle timeout. */
    private SerialPortException silence(DecoderCounters c) {
        if (c.frames() == 0) {
            return fault(SerialPortException.Kind.NO_DATA, "the device declared its channels but sent no samples"
                    + " in " + plain(settings.idleTimeoutS()) + " s: is it measuring?");
        }
        // after a reconnect that brought no frame, the silence began with the disconnect
        String since = reconnectedDownS >= 0 && c.frames() == framesAtReconnect
                ? "; nothing came since the port was back, after " + plain(Math.round(reconnectedDownS * 10)
                        / 10.0) + " s away" : "";
        return fault(SerialPortException.Kind.STOPPED, "the device stopped sending (nothing for "
                + plain(settings.idleTimeoutS()) + " s after " + c.frames() + " frames" + since + ")");
    }

    /** What to check when nothing decodes: why the device's descriptor was refused, if it was, else the hint. */
    private String hint() {
        String refused = decoder.refusedDescriptor();
        return refused != null ? refused : decodeHint;
    }

    private SerialPortException fault(SerialPortException.Kind kind, String what) {
        return new SerialPortException(kind, name + ": " + what);
    }
}
