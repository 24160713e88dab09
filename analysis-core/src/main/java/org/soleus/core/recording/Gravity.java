package org.soleus.core.recording;

/** Standard gravity: what turns a mass into its weight, and accelerations in g into m/s². */
public final class Gravity {
    /** Standard acceleration of gravity, m/s² (exact by definition, 3rd CGPM, 1901). */
    public static final double STANDARD_MPS2 = 9.80665;

    private Gravity() {
    }
}
