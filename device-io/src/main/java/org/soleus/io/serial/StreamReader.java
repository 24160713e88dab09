package org.soleus.io.serial;

import org.soleus.io.codec.StreamDecoder;

/**
 * The work of a {@link SerialStream}'s reader thread: blocking reads into one reused buffer
 * (rather than jSerialComm's data listener, which allocates per event), decoded into the
 * {@link RingSink} and judged by the {@link StreamWatch} after each; when the port goes away, it
 * is reopened ({@link PortConnection#reopen()}), the decoder reset and the next row flagged.
 * Ends when the stream stops or fails; closes the port on the way out.
 */
final class StreamReader implements Runnable {
    private static final int READ_BUFFER_BYTES = 1 << 16;
    /** {@link #readingSince} between reads. */
    private static final long NOT_READING = Long.MIN_VALUE;

    private final String name;
    private final StreamDecoder decoder;
    private final PortConnection port;
    private final RingSink sink;
    private final StreamWatch watch;
    private final ReaderState state;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];
    /** When the read under way began ({@link System#nanoTime}), or {@link #NOT_READING}. */
    private volatile long readingSince = NOT_READING;
    /** Whether {@link #cutStalledRead} closed the port under the read under way. */
    private volatile boolean readCut;

    StreamReader(String name, StreamDecoder decoder, PortConnection port, RingSink sink, StreamWatch watch,
                 ReaderState state) {
        this.name = name;
        this.decoder = decoder;
        this.port = port;
        this.sink = sink;
        this.watch = watch;
        this.state = state;
    }

    @Override
    public void run() {
        watch.connected(System.nanoTime());
        try {
            boolean reading = true;
            while (reading && state.isRunning()) {
                reading = readOnce();
            }
        } catch (RuntimeException e) {
            fail(name + ": reading failed: " + e);
        } catch (OutOfMemoryError e) {
            // no one joins this thread: the fault is how the session hears of it
            fail(name + ": reading stopped: the Java heap ran out (" + e.getMessage() + ")");
        } finally {
            state.stop();
            port.closed();
        }
    }

    private void fail(String message) {
        state.fail(new SerialPortException(SerialPortException.Kind.IO, message));
    }

    /**
     * From the consumer's thread: closes the port under a read that has lasted longer than
     * {@code limitNanos} at {@code now}, which makes the read return. A read returns within the
     * port's read timeout (a tenth of a second for the ports the command line opens) when nothing
     * comes, unless something else changed the terminal's settings to wait for a first byte however
     * long it takes (as a program that sets the terminal raw after it was opened does): the
     * silence would then never be judged. The
     * reader judges it as after any read ({@link StreamWatch#check}), and where that is no fault
     * yet, reopens the port, whose read timeout is then its own again. A read that ends just as
     * it is cut costs a reopen, nothing more.
     */
    void cutStalledRead(long now, long limitNanos) {
        long since = readingSince;
        if (since != NOT_READING && now - since > limitNanos && !readCut) {
            readCut = true;
            port.closeLink();
        }
    }

    /** One read, decoded and judged (or a reconnect, when the port went away); false when the reader stops. */
    private boolean readOnce() {
        readingSince = System.nanoTime();
        int n = port.read(buffer);
        readingSince = NOT_READING;
        long now = System.nanoTime();
        if (n > 0) {
            watch.bytesArrived(now);
            decoder.decode(buffer, 0, n, sink);
        } else if (n < 0) {
            if (readCut) {
                readCut = false;
                SerialPortException silence = watch.check(now, sink.descriptor());
                if (silence != null) {
                    state.fail(silence);
                    return false;
                }
            }
            if (!reconnect()) {
                return false;
            }
            watch.connected(System.nanoTime());
            return true;
        }
        if (state.fault() != null) {
            return false;
        }
        SerialPortException problem = watch.check(now, sink.descriptor());
        if (problem != null) {
            state.fail(problem);
            return false;
        }
        return true;
    }

    /** The port went away: reopens it; false when the stream stops instead (closed, or the port not back in time: a fault). */
    private boolean reconnect() {
        double downS;
        try {
            downS = port.reopen();
        } catch (SerialPortException e) {
            state.fail(e);
            return false;
        }
        if (Double.isNaN(downS)) {
            return false;
        }
        // the bytes after do not go on from those before
        decoder.reset();
        sink.afterReconnect();
        watch.reconnected(downS, decoder.counters().frames());
        return true;
    }
}
