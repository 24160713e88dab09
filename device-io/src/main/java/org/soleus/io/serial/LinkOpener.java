package org.soleus.io.serial;

/** Opens a {@link ByteLink}; called again to reconnect after the link was lost. */
@FunctionalInterface
public interface LinkOpener {

    /**
     * @throws SerialPortException with a one-line message when the port cannot be opened now
     */
    ByteLink open() throws SerialPortException;
}
