package org.soleus.io.serial;

/** Opens a {@link ByteLink}; called again to reconnect after the link was lost. */
@FunctionalInterface
public interface LinkOpener {

    /**
     * @throws SerialPortException with a one-line message when the port cannot be opened now
     */
    ByteLink open() throws SerialPortException;

    /** What to check when the link opens but nothing arrives on it: a question for one line. */
    default String silenceHint() {
        return "is the device powered and running its firmware?";
    }
}
