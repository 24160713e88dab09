package org.soleus.io.output;

/** Where a setting that shaped the analysis came from, as reported in {@code summary.json}. */
public enum ValueSource {
    /** Given on the command line. */
    FLAG("flag"),
    /** Given for the input by a row of a table named on the command line ({@code --subjects}). */
    TABLE("table"),
    /** Read from the recording or its companion files. */
    FILE("file"),
    /** The format's default, where the file states none (WFDB's 250 Hz). */
    DEFAULT("default"),
    /** Detected from the content. */
    DETECTED("detected"),
    /** Not known. */
    NONE("none");

    private final String label;

    ValueSource(String label) {
        this.label = label;
    }

    /** Name used in output files. */
    public String label() {
        return label;
    }
}
