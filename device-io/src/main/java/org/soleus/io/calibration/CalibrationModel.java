package org.soleus.io.calibration;

/** The law a cell's calibration follows, from counts {@code c} above the zero offset {@code c0} to newtons. */
public enum CalibrationModel {
    /** {@code F = a·(c − c0)}: two parameters, {@code a} and {@code c0}. */
    LINEAR("linear", 2),
    /**
     * {@code F = a·(c − c0)^b}: three parameters. An FSR's conductance rises roughly in
     * proportion to force (Interlink Electronics, <i>FSR Integration Guide</i>), so the counts of
     * a voltage divider follow a power of the force over a cell's working range (Hall, Desmoulin
     * and Milner, "A technique for conditioning and calibrating force-sensing resistors for
     * repeatable and reliable measurement of compressive force", J. Biomech. 41(16):3492–3495,
     * 2008, doi:10.1016/j.jbiomech.2008.09.031).
     */
    POWER("power", 3);

    private final String id;
    private final int parameters;

    CalibrationModel(String id, int parameters) {
        this.id = id;
        this.parameters = parameters;
    }

    /** The name in calibration files and on the command line: {@code linear} or {@code power}. */
    public String id() {
        return id;
    }

    /** Parameters the model takes from the readings, the zero offset included. */
    public int parameters() {
        return parameters;
    }

    /**
     * The model named {@code id}.
     *
     * @throws IllegalArgumentException naming the known models when there is none of that name
     */
    public static CalibrationModel fromId(String id) {
        for (CalibrationModel m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown calibration model '" + id + "': expected linear or power");
    }
}
