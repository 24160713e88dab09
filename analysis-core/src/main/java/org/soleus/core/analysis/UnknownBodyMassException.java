package org.soleus.core.analysis;

/**
 * A recording's force is in newtons but its subject's body mass is unknown, so that loading in
 * body weights cannot be computed. The message is one line naming the recording:
 * {@code body mass of the subject in <source> is unknown: loading in body weights needs it}, or
 * the reason it is unknown, where one is known, and the recording; a caller that can take the
 * mass from its user adds how to give it.
 */
public final class UnknownBodyMassException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param source the recording, as its {@code source()} names it */
    public UnknownBodyMassException(String source) {
        super("body mass of the subject in " + source + " is unknown: loading in body weights needs it");
    }

    /**
     * @param source the recording, as its {@code source()} names it
     * @param reason why the mass is unknown, naming where it was looked for (a subject table's
     *               line and column), e.g. {@code demographics.txt:95:8: expected a body mass in kg
     *               … found 'abc'}
     */
    public UnknownBodyMassException(String source, String reason) {
        super(reason + ": loading in body weights of the subject in " + source + " needs the body mass");
    }
}
