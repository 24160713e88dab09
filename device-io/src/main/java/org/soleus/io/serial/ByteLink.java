package org.soleus.io.serial;

import java.io.Closeable;
import java.io.IOException;

/**
 * An open byte connection to a device: a serial port, or in tests anything else. Reads block
 * for at most the link's read timeout.
 */
public interface ByteLink extends Closeable {

    /**
     * Reads up to {@code length} bytes into {@code buffer} from {@code offset}, waiting at most
     * the read timeout for the first.
     *
     * @return the number of bytes read, 0 when none arrived in time, -1 when the connection is
     *         gone (device unplugged)
     */
    int read(byte[] buffer, int offset, int length);

    /**
     * Writes all {@code length} bytes, blocking while the device or the driver cannot take more
     * (as long as nobody reads the other end of a pseudo-terminal); {@link #close()} from another
     * thread ends the wait.
     *
     * @throws IOException when the connection is gone or was closed (a serial port on Windows:
     *                     or took nothing for a second)
     */
    void write(byte[] buffer, int offset, int length) throws IOException;

    /** The port's name as the user gave it. */
    String name();

    @Override
    void close();
}
