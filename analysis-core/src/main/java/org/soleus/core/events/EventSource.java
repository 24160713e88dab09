package org.soleus.core.events;

/** Which sensors a gait event comes from. */
public enum EventSource {
    /** Insole force alone. */
    INSOLE("insole"),
    /** A foot- or shank-worn gyroscope alone. */
    IMU("imu"),
    /** Contact confirmed by the insole, timed by the gyroscope. */
    INSOLE_IMU("insole_imu");

    private final String label;

    EventSource(String label) {
        this.label = label;
    }

    /** Name used in output files ({@code insole}, {@code imu}, {@code insole_imu}). */
    public String label() {
        return label;
    }
}
