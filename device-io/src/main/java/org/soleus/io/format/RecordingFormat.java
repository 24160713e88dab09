package org.soleus.io.format;

/** File formats the toolkit reads. */
public enum RecordingFormat {
    /** The toolkit's own CSV recording format ({@code docs/recording-format.md}). */
    SOLEUS_CSV("soleus"),
    /** PhysioNet gaitpdb text: time, 8 + 8 insole sensor forces, two totals (N), 100 Hz. */
    GAITPDB("gaitpdb"),
    /** PhysioNet WFDB record (format 212), read through its {@code .hea} header. */
    WFDB("wfdb"),
    /** Moticon OpenGo text export. */
    MOTICON("moticon"),
    /** gaitmap-style foot-IMU CSV with {@code sensor} and {@code axis} header rows. */
    GAITMAP("gaitmap");

    private final String id;

    RecordingFormat(String id) {
        this.id = id;
    }

    /** Name used on the command line ({@code --format}). */
    public String id() {
        return id;
    }

    /**
     * Parses a command-line format name.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static RecordingFormat fromId(String id) {
        for (RecordingFormat f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (RecordingFormat f : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(f.id);
        }
        throw new IllegalArgumentException("unknown format '" + id + "': expected one of " + known);
    }
}
