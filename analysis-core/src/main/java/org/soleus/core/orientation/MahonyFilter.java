package org.soleus.core.orientation;

/**
 * Orientation of one IMU from gyroscope and accelerometer by the explicit complementary filter of
 * Mahony, Hamel &amp; Pflimlin, "Nonlinear complementary filters on the special orthogonal group",
 * IEEE Transactions on Automatic Control 53(5):1203–1218, 2008, doi:10.1109/TAC.2008.923738.
 *
 * <p>The state is the unit quaternion {@code q = (w, x, y, z)} that rotates vectors from the sensor
 * frame into a world frame whose z axis points up ({@code v_world = q v_sensor q*}), and the
 * integral feedback {@code b} (rad/s). Each {@link #update} takes the gravity direction the
 * quaternion predicts in the sensor frame, {@code v = R(q)ᵀ ẑ}, and the measured one, {@code a/|a|};
 * their cross product {@code e = â × v} is the tilt error, fed back into the angular rate:
 * {@code ω = ω̄_gyro + k_P e + b}, {@code b += k_I e dt}, where {@code ω̄_gyro} is the mean of this
 * and the previous gyroscope sample (the trapezoidal rule: integrating each sample over the step
 * that ends at it would lead the true angle by half a sample, 1.5° at 300 deg/s and 100 Hz). The
 * corrected rate is integrated as constant over the step, {@code q ← q ⊗ exp(ω dt / 2)}, which is
 * exact for a constant rate.
 *
 * <p>Tilt errors decay at about {@code k_P} per second, so the accelerometer corrects gyroscope
 * drift about horizontal axes; with {@code k_I > 0} the integral term learns a constant gyroscope
 * bias about those axes. Heading about the vertical is not observed without a magnetometer and
 * follows the gyroscope alone. Linear acceleration is read as a tilt error, so a smaller
 * {@code k_P} suits segments that accelerate (thigh, shank in walking).
 *
 * <p>Angular rates are in deg/s; the accelerometer may be in any unit (only its direction is
 * used). A sample with a NaN angular rate leaves the state unchanged; a sample with a NaN or zero
 * acceleration is integrated from the gyroscope alone. Not thread-safe; {@link #update} does not
 * allocate.
 */
public final class MahonyFilter {
    private static final double RADIANS_PER_DEGREE = Math.PI / 180.0;

    private final double proportionalGain;
    private final double integralGain;
    private final double inverseHalfRateSquared;
    private double qw = 1.0;
    private double qx;
    private double qy;
    private double qz;
    private double integralX;
    private double integralY;
    private double integralZ;
    private double previousX;
    private double previousY;
    private double previousZ;
    private boolean hasPrevious;

    /**
     * A filter at the identity orientation with zero integral feedback that trusts its
     * accelerometer equally at any angular rate.
     *
     * @param proportionalGain {@code k_P}, 1/s, ≥ 0: how fast the accelerometer pulls the tilt
     * @param integralGain     {@code k_I}, 1/s², ≥ 0: how fast a gyroscope bias is learnt; 0 turns it off
     * @throws IllegalArgumentException when a gain is negative or not finite
     */
    public MahonyFilter(double proportionalGain, double integralGain) {
        this(proportionalGain, integralGain, Double.POSITIVE_INFINITY);
    }

    /**
     * A filter at the identity orientation with zero integral feedback whose accelerometer
     * feedback weakens as the sensor turns faster: both gains are multiplied by
     * {@code 1 / (1 + (|ω| / ω_h)²)}, so they are halved at {@code |ω| = ω_h}. A segment that turns
     * fast also accelerates (centripetal {@code |ω|² r}, tangential {@code ω̇ r}), so its
     * accelerometer then says little about gravity; this weighting is a heuristic of this class,
     * not part of Mahony et al.'s filter.
     *
     * @param proportionalGain    {@code k_P}, 1/s, ≥ 0
     * @param integralGain        {@code k_I}, 1/s², ≥ 0
     * @param feedbackHalfRateDps {@code ω_h}, deg/s, &gt; 0; infinity for no weakening
     * @throws IllegalArgumentException when a gain is negative or not finite, or {@code ω_h} is not positive
     */
    public MahonyFilter(double proportionalGain, double integralGain, double feedbackHalfRateDps) {
        checkGains(proportionalGain, integralGain, feedbackHalfRateDps);
        this.proportionalGain = proportionalGain;
        this.integralGain = integralGain;
        double halfRate = feedbackHalfRateDps * RADIANS_PER_DEGREE;
        this.inverseHalfRateSquared = 1.0 / (halfRate * halfRate);
    }

    /**
     * Checks a filter's gains, for this constructor and for the settings that will make filters.
     *
     * @throws IllegalArgumentException when a gain is negative or infinite, or the half rate not above 0
     */
    public static void checkGains(double proportionalGain, double integralGain, double feedbackHalfRateDps) {
        if (!(proportionalGain >= 0) || Double.isInfinite(proportionalGain)) {
            throw new IllegalArgumentException("proportional gain must be finite and >= 0 (1/s), got "
                    + proportionalGain);
        }
        if (!(integralGain >= 0) || Double.isInfinite(integralGain)) {
            throw new IllegalArgumentException("integral gain must be finite and >= 0 (1/s²), got " + integralGain);
        }
        if (!(feedbackHalfRateDps > 0)) {
            throw new IllegalArgumentException("feedback half rate must be > 0 deg/s (infinity for none), got "
                    + feedbackHalfRateDps);
        }
    }

    /** Back to the identity orientation with zero integral feedback and no previous sample. */
    public void reset() {
        qw = 1.0;
        qx = 0.0;
        qy = 0.0;
        qz = 0.0;
        integralX = 0.0;
        integralY = 0.0;
        integralZ = 0.0;
        hasPrevious = false;
    }

    /**
     * Sets the orientation to the smallest rotation that brings the measured specific force
     * {@code a} onto the world's up axis: the tilt is then exact for a sensor at rest, and the
     * heading is whatever the sensor's axes give. The integral feedback is kept.
     *
     * @throws IllegalArgumentException when {@code a} is zero or not finite
     */
    public void alignToGravity(double ax, double ay, double az) {
        double norm = Math.sqrt(ax * ax + ay * ay + az * az);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("cannot align to gravity from acceleration (" + ax + ", " + ay + ", "
                    + az + "); give a finite, non-zero specific force measured at rest");
        }
        double ux = ax / norm;
        double uy = ay / norm;
        double uz = az / norm;
        // q = (1 + u·ẑ, u × ẑ) normalised rotates u onto ẑ; u × ẑ = (uy, -ux, 0).
        double w = 1.0 + uz;
        if (w < 1e-9) {
            set(0.0, 1.0, 0.0, 0.0);
        } else {
            set(w, uy, -ux, 0.0);
        }
    }

    /**
     * Turns the orientation about the world's vertical axis by {@code angleRad} (positive is
     * counter-clockwise seen from above): the tilt is unchanged.
     */
    public void rotateHeading(double angleRad) {
        double c = Math.cos(0.5 * angleRad);
        double s = Math.sin(0.5 * angleRad);
        // (c, 0, 0, s) ⊗ q
        set(c * qw - s * qz, c * qx - s * qy, c * qy + s * qx, c * qz + s * qw);
    }

    /**
     * Advances the orientation by one sample.
     *
     * @param gxDps angular rate about the sensor's x axis, deg/s (likewise {@code gy}, {@code gz})
     * @param ax    specific force along the sensor's x axis, any unit (likewise {@code ay}, {@code az})
     * @param dtS   time since the previous sample, s, &gt; 0
     * @throws IllegalArgumentException when {@code dtS} is not positive and finite
     */
    public void update(double gxDps, double gyDps, double gzDps, double ax, double ay, double az, double dtS) {
        if (!(dtS > 0) || Double.isInfinite(dtS)) {
            throw new IllegalArgumentException("time step must be > 0 s and finite, got " + dtS);
        }
        double rx = gxDps * RADIANS_PER_DEGREE;
        double ry = gyDps * RADIANS_PER_DEGREE;
        double rz = gzDps * RADIANS_PER_DEGREE;
        if (Double.isNaN(rx + ry + rz)) {
            return;
        }
        if (!hasPrevious) {
            previousX = rx;
            previousY = ry;
            previousZ = rz;
            hasPrevious = true;
        }
        double gx = 0.5 * (rx + previousX);
        double gy = 0.5 * (ry + previousY);
        double gz = 0.5 * (rz + previousZ);
        previousX = rx;
        previousY = ry;
        previousZ = rz;
        double weight = 1.0 / (1.0 + (gx * gx + gy * gy + gz * gz) * inverseHalfRateSquared);
        double norm = Math.sqrt(ax * ax + ay * ay + az * az);
        if (norm > 0 && !Double.isInfinite(norm)) {
            double mx = ax / norm;
            double my = ay / norm;
            double mz = az / norm;
            double vx = 2.0 * (qx * qz - qw * qy);
            double vy = 2.0 * (qw * qx + qy * qz);
            double vz = qw * qw - qx * qx - qy * qy + qz * qz;
            double ex = my * vz - mz * vy;
            double ey = mz * vx - mx * vz;
            double ez = mx * vy - my * vx;
            if (integralGain > 0) {
                integralX += integralGain * weight * ex * dtS;
                integralY += integralGain * weight * ey * dtS;
                integralZ += integralGain * weight * ez * dtS;
            }
            double feedback = proportionalGain * weight;
            gx += feedback * ex + integralX;
            gy += feedback * ey + integralY;
            gz += feedback * ez + integralZ;
        } else {
            gx += integralX;
            gy += integralY;
            gz += integralZ;
        }
        double rate = Math.sqrt(gx * gx + gy * gy + gz * gz);
        double half = 0.5 * rate * dtS;
        double c = Math.cos(half);
        double s = rate > 0 ? Math.sin(half) / rate : 0.0;
        double dx = gx * s;
        double dy = gy * s;
        double dz = gz * s;
        // q ⊗ (c, dx, dy, dz)
        set(qw * c - qx * dx - qy * dy - qz * dz,
                qw * dx + qx * c + qy * dz - qz * dy,
                qw * dy - qx * dz + qy * c + qz * dx,
                qw * dz + qx * dy - qy * dx + qz * c);
    }

    /**
     * Batch driver: runs {@link #update} over samples {@code from} (inclusive) to {@code to}
     * (exclusive) of {@code imu}, continuing from the current state, and writes the quaternion after
     * each sample into the same indices of {@code qw}, {@code qx}, {@code qy}, {@code qz}. Gives
     * exactly what calling {@link #update} sample by sample gives.
     *
     * @throws IllegalArgumentException when the range does not fit the samples or an output, or
     *                                  {@code dtS} is not positive
     */
    public void filter(ImuSamples imu, int from, int to, double dtS,
                       double[] qw, double[] qx, double[] qy, double[] qz) {
        int n = imu.length();
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") does not fit " + n + " samples");
        }
        if (qw.length < to || qx.length < to || qy.length < to || qz.length < to) {
            throw new IllegalArgumentException("quaternion outputs hold " + qw.length + ", " + qx.length + ", "
                    + qy.length + ", " + qz.length + " values; give at least " + to);
        }
        double[] gx = imu.gyrXDps();
        double[] gy = imu.gyrYDps();
        double[] gz = imu.gyrZDps();
        double[] ax = imu.accXMps2();
        double[] ay = imu.accYMps2();
        double[] az = imu.accZMps2();
        for (int i = from; i < to; i++) {
            update(gx[i], gy[i], gz[i], ax[i], ay[i], az[i], dtS);
            qw[i] = this.qw;
            qx[i] = this.qx;
            qy[i] = this.qy;
            qz[i] = this.qz;
        }
    }

    /** Scalar part of the orientation quaternion. */
    public double qw() {
        return qw;
    }

    /** x part of the orientation quaternion. */
    public double qx() {
        return qx;
    }

    /** y part of the orientation quaternion. */
    public double qy() {
        return qy;
    }

    /** z part of the orientation quaternion. */
    public double qz() {
        return qz;
    }

    /** x component of the unit up vector in the sensor frame, {@code R(q)ᵀ ẑ}. */
    public double upX() {
        return 2.0 * (qx * qz - qw * qy);
    }

    /** y component of the unit up vector in the sensor frame. */
    public double upY() {
        return 2.0 * (qw * qx + qy * qz);
    }

    /** z component of the unit up vector in the sensor frame. */
    public double upZ() {
        return qw * qw - qx * qx - qy * qy + qz * qz;
    }

    private void set(double w, double x, double y, double z) {
        double inv = 1.0 / Math.sqrt(w * w + x * x + y * y + z * z);
        qw = w * inv;
        qx = x * inv;
        qy = y * inv;
        qz = z * inv;
    }
}
