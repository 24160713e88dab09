package org.soleus.core.joint;

/**
 * The flexion axis of a hinge joint as a unit vector in the frame of each of the two IMUs:
 * {@code thigh} in the proximal sensor's frame, {@code shank} in the distal sensor's frame. Both
 * point the same way in the world, chosen so that flexion (the distal segment turning back
 * relative to the proximal one, for the knee) is a positive rotation about it.
 */
public record JointAxes(double thighX, double thighY, double thighZ, double shankX, double shankY, double shankZ) {

    /** Vectors are normalised; a zero or non-finite one is rejected. */
    public JointAxes {
        double t = Math.sqrt(thighX * thighX + thighY * thighY + thighZ * thighZ);
        double s = Math.sqrt(shankX * shankX + shankY * shankY + shankZ * shankZ);
        if (!(t > 0) || Double.isInfinite(t) || !(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("joint axes (" + thighX + ", " + thighY + ", " + thighZ + ") and ("
                    + shankX + ", " + shankY + ", " + shankZ + ") must be finite and non-zero");
        }
        thighX /= t;
        thighY /= t;
        thighZ /= t;
        shankX /= s;
        shankY /= s;
        shankZ /= s;
    }
}
