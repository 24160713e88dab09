package org.soleus.io.serial;

import java.io.IOException;
import java.util.Objects;

/**
 * A serial port could not be used, or a live stream failed, with a one-line message that
 * names the port and says what to do.
 */
public final class SerialPortException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No such port. */
        NOT_FOUND,
        /** The user may not open the port. */
        PERMISSION_DENIED,
        /** Another program has the port open. */
        BUSY,
        /** The path is not a serial port. */
        NOT_A_SERIAL_PORT,
        /** The port does not take the baud rate asked for (a pseudo-terminal, a driver without custom rates). */
        BAUD_NOT_SUPPORTED,
        /** Opening failed for another reason. */
        OPEN_FAILED,
        /** Nothing arrived after opening, or no sample after the descriptor. */
        NO_DATA,
        /** Bytes arrive but none decodes: wrong baud rate or protocol. */
        NOTHING_DECODES,
        /** Frames arrive but no descriptor declares their channels. */
        NO_DESCRIPTOR,
        /** The stream does not state its sample rate. */
        NO_RATE,
        /** The device stopped sending while the port stayed open. */
        STOPPED,
        /** The port went away and did not come back in time. */
        DISCONNECTED,
        /** The device changed its channels, sample rate or the subject's body mass mid-stream. */
        DECLARATION_CHANGED,
        /** Reading or writing failed. */
        IO
    }

    private final Kind kind;

    /**
     * @param kind    what went wrong
     * @param message one line: the port, what happened, what to do
     */
    public SerialPortException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
