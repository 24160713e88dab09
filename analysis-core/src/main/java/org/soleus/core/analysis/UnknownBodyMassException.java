package org.soleus.core.analysis;

/**
 * A recording's force is in newtons but its subject's body mass is unknown, so that loading in
 * body weights cannot be computed. The message is one line naming the recording:
 * {@code body mass of the subject in <source> is unknown: loading in body weights needs it}; a
 * caller that can take the mass from its user adds how to give it.
 */
public final class UnknownBodyMassException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param source the recording, as its {@code source()} names it */
    public UnknownBodyMassException(String source) {
        super("body mass of the subject in " + source + " is unknown: loading in body weights needs it");
    }
}
