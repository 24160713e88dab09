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
     * Writes all {@code length} bytes, blocking while the device or the driver cannot take more.
     *
     * @throws IOException when the connection is gone, or stays unable to take bytes (nobody
     *                     reads)
     */
    void write(byte[] buffer, int offset, int length) throws IOException;

    /** The port's name as the user gave it. */
    String name();

    @Override
    void close();
}
