package org.soleus.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Side;

/**
 * The sagittal-plane leg model behind {@link SyntheticRecordingGenerator}: the session plan
 * (activities laid out in time, walking strides counted per foot) and the pose of one leg at any
 * instant, as a smooth function of time so that its derivatives give consistent IMU signals.
 *
 * <p>Angles in degrees, in the sagittal plane: thigh and shank tilt from the vertical, positive
 * with the distal end forward; knee flexion = thigh − shank; foot pitch from the horizontal,
 * positive toes down; ankle plantar flexion = foot pitch + shank tilt. Immutable and thread-safe
 * except for the {@link Pose} a caller passes in.
 */
final class LegModel {
    /** Height of the ankle joint above the floor when standing, m. */
    static final double ANKLE_HEIGHT_M = 0.08;
    /** Ankle-to-ball-of-foot distance as a fraction of insole length (the calf-raise pivot). */
    static final double ANKLE_TO_BALL_FRACTION = 0.52;
    /** Time over which a walk's joint motion fades in and out, s. */
    static final double WALK_RAMP_S = 0.4;
    /** Centre of pressure while standing, fraction of insole length. */
    static final double STANDING_COP_NORM = -0.15;
    /** Share of body weight on each foot in seated calf raises. */
    static final double SEATED_FOOT_SHARE = 0.1;

    /**
     * Knee flexion of the quick first yield at heel contact, degrees: without it the shank's
     * first fast forward rotation would come only with the broad loading-response flexion, about
     * 100 ms after contact, where a real shank gyroscope shows a sharp minimum within a few tens
     * of milliseconds of contact (Aminian et al. 2002; Salarian et al. 2004, Fig. 2).
     */
    static final double WEIGHT_ACCEPTANCE_DEG = 4;

    /** Double-hump vertical force shape: a·sin(πs) + b·sin(3πs), peaks ≈ 1.13 body weights, valley 0.75. */
    private static final double FORCE_A = 1.177;
    private static final double FORCE_B = 0.427;

    /** One activity placed in time. */
    record Bout(Activity activity, double startS, double endS, int strides, int leftFirstStride, int rightFirstStride,
                int set) {
    }

    /** A pose of one leg, filled by {@link #pose}. */
    static final class Pose {
        double hipX;
        double hipZ;
        double thighDeg;
        double shankDeg;
        double footDeg;
        double forceN;
        double copNorm;
        boolean stance;

        double kneeDeg() {
            return thighDeg - shankDeg;
        }

        double anklePlantarFlexionDeg() {
            return footDeg + shankDeg;
        }
    }

    private final SyntheticSpec spec;
    private final List<Bout> bouts;
    private final double bodyWeightN;
    private final double standHipZ;
    private final double ankleToBallM;

    LegModel(SyntheticSpec spec) {
        this.spec = spec;
        this.bodyWeightN = spec.bodyMassKg() * Gravity.STANDARD_MPS2;
        this.standHipZ = ANKLE_HEIGHT_M + spec.thighLengthM() + spec.shankLengthM();
        this.ankleToBallM = ANKLE_TO_BALL_FRACTION * spec.foot().insoleLengthM();
        List<Bout> plan = new ArrayList<>();
        double t = 0;
        int left = 0;
        int right = 0;
        int set = 0;
        for (Activity a : spec.activities()) {
            if (a instanceof Activity.Walking w) {
                int strides = Math.max(2, (int) Math.round(w.durationS() / w.strideS()));
                plan.add(new Bout(a, t, t + strides * w.strideS(), strides, left, right, -1));
                t += strides * w.strideS();
                left += strides;
                right += strides;
            } else if (a instanceof Activity.CalfRaises) {
                plan.add(new Bout(a, t, t + a.durationS(), 0, left, right, set++));
                t += a.durationS();
            } else {
                plan.add(new Bout(a, t, t + a.durationS(), 0, left, right, -1));
                t += a.durationS();
            }
        }
        this.bouts = List.copyOf(plan);
    }

    List<Bout> bouts() {
        return bouts;
    }

    double durationS() {
        return bouts.get(bouts.size() - 1).endS();
    }

    /** Stance fraction of a walking stride. */
    static double stanceFraction(Terrain terrain) {
        return terrain == Terrain.LEVEL ? 0.62 : 0.64;
    }

    /** Force scale of one stride of one foot: a planted spike's factor, else 1. */
    double loadFactor(Side side, int strideIndex) {
        for (LoadSpike s : spec.spikes()) {
            if (s.side() == side && s.strideIndex() == strideIndex) {
                return s.factor();
            }
        }
        return 1;
    }

    /** Fills {@code out} with the pose of one leg at time {@code t} (clamped to the session). */
    void pose(Side side, double t, Pose out) {
        Bout bout = bouts.get(bouts.size() - 1);
        for (Bout b : bouts) {
            if (t < b.endS()) {
                bout = b;
                break;
            }
        }
        double tc = Math.max(0, Math.min(t, durationS()));
        if (bout.activity() instanceof Activity.Walking w) {
            walking(side, bout, w, tc, out);
        } else if (bout.activity() instanceof Activity.CalfRaises c) {
            calfRaises(bout, c, tc, out);
        } else {
            standing(out);
        }
    }

    private void standing(Pose out) {
        out.thighDeg = 0;
        out.shankDeg = 0;
        out.footDeg = 0;
        out.forceN = bodyWeightN / 2;
        out.copNorm = STANDING_COP_NORM;
        out.stance = true;
        hipFromAnkle(0, ANKLE_HEIGHT_M, out);
    }

    private void walking(Side side, Bout bout, Activity.Walking w, double t, Pose out) {
        double local = (t - bout.startS()) / w.strideS();
        double phase = side == Side.LEFT ? local : local - 0.5;
        int stride = (int) Math.floor(phase);
        double f = phase - stride;
        double blend = ramp((t - bout.startS()) / WALK_RAMP_S) * ramp((bout.endS() - t) / WALK_RAMP_S);
        Terrain terrain = w.terrain();
        double legM = spec.thighLengthM() + spec.shankLengthM();
        double sf = stanceFraction(terrain);
        double hipAmpDeg = 0.75 * Math.toDegrees(Math.asin(Math.min(0.9, w.speedMps() * sf * w.strideS() / 2 / legM)));
        double hipMean;
        double knee;
        double foot;
        switch (terrain) {
            case LEVEL -> {
                hipMean = 10;
                knee = 3 + WEIGHT_ACCEPTANCE_DEG * weightAcceptance(f) + 15 * bump(f, 0.15, 0.06)
                        + 62 * bump(f, 0.72, 0.11);
                foot = -15 * bump(f, 0, 0.05) + 65 * bump(f, 0.62, 0.09);
            }
            case HILL_UP -> {
                hipMean = 18;
                knee = 10 + WEIGHT_ACCEPTANCE_DEG * weightAcceptance(f) + 28 * bump(f, 0.12, 0.09)
                        + 60 * bump(f, 0.72, 0.11);
                foot = -20 * bump(f, 0, 0.05) + 60 * bump(f, 0.64, 0.09);
            }
            default -> {
                hipMean = 30;
                hipAmpDeg = Math.max(hipAmpDeg, 25);
                knee = 8 + 55 * bump(f, 0.02, 0.16) + 70 * bump(f, 0.75, 0.12);
                foot = 50 * bump(f, 0.64, 0.08);
            }
        }
        double thigh = hipMean + hipAmpDeg * Math.cos(2 * Math.PI * (f - 0.95));
        out.thighDeg = blend * thigh;
        out.shankDeg = blend * (thigh - knee);
        out.footDeg = blend * foot;
        out.hipX = 0;
        out.hipZ = standHipZ - blend * (0.025 - 0.015 * Math.cos(4 * Math.PI * local));
        if (f < sf) {
            double s = f / sf;
            int first = side == Side.LEFT ? bout.leftFirstStride() : bout.rightFirstStride();
            double load = stride >= 0 ? loadFactor(side, first + stride) : 1;
            out.forceN = bodyWeightN * load * (FORCE_A * Math.sin(Math.PI * s) + FORCE_B * Math.sin(3 * Math.PI * s));
            double rise = 1 - Math.pow(1 - s, 1.5);
            out.copNorm = terrain == Terrain.STAIRS_UP ? 0.05 + 0.30 * rise
                    : (terrain == Terrain.HILL_UP ? -0.35 : -0.42) + (terrain == Terrain.HILL_UP ? 0.71 : 0.78) * rise;
            out.stance = true;
        } else {
            out.forceN = 0;
            out.copNorm = 0;
            out.stance = false;
        }
    }

    private void calfRaises(Bout bout, Activity.CalfRaises c, double t, Pose out) {
        double tau = t - bout.startS();
        double settle = Activity.CalfRaises.SETTLE_S;
        double posture = ramp(tau / settle) * ramp((bout.endS() - t) / settle);
        double k = c.kneeFlexionDeg();
        double thigh = c.seated() ? 90 : k / 2;
        double shank = c.seated() ? 90 - k : -k / 2;
        double lift = 0;
        double repTime = tau - settle;
        if (repTime >= 0 && repTime < c.repetitions() * c.repetitionS()) {
            double q = repTime / c.repetitionS() - Math.floor(repTime / c.repetitionS());
            lift = repLift(q);
        }
        double pitch = c.heelRiseDeg() * lift;
        out.thighDeg = posture * thigh;
        out.shankDeg = posture * shank;
        out.footDeg = pitch;
        double seatedShare = c.seated() ? posture : 0;
        double addedN = c.addedLoadKg() * Gravity.STANDARD_MPS2 * posture;
        out.forceN = bodyWeightN * (0.5 * (1 - seatedShare) + SEATED_FOOT_SHARE * seatedShare) + addedN / 2;
        out.copNorm = STANDING_COP_NORM + 0.45 * Math.min(1, pitch / 5);
        out.stance = true;
        double p = Math.toRadians(pitch);
        hipFromAnkle(ankleToBallM * (1 - Math.cos(p)), ANKLE_HEIGHT_M + ankleToBallM * Math.sin(p), out);
    }

    /** Heel lift of a calf-raise repetition at fraction {@code q} of it: rise 35 %, hold 15 %, lower 35 %, rest 15 %. */
    static double repLift(double q) {
        if (q < 0.35) {
            return ramp(q / 0.35);
        }
        if (q < 0.5) {
            return 1;
        }
        if (q < 0.85) {
            return 1 - ramp((q - 0.5) / 0.35);
        }
        return 0;
    }

    private void hipFromAnkle(double ankleX, double ankleZ, Pose out) {
        double th = Math.toRadians(out.thighDeg);
        double sh = Math.toRadians(out.shankDeg);
        out.hipX = ankleX - spec.shankLengthM() * Math.sin(sh) - spec.thighLengthM() * Math.sin(th);
        out.hipZ = ankleZ + spec.shankLengthM() * Math.cos(sh) + spec.thighLengthM() * Math.cos(th);
    }

    /** Cosine ramp: 0 below 0, 1 above 1, smooth (C¹) in between. */
    static double ramp(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return 0.5 - 0.5 * Math.cos(Math.PI * x);
    }

    /**
     * Shape of the quick first yield at heel contact (peak 1 at 3 % of the stride, rising with a
     * width of 1.5 % and relaxing with 5 %), under the slower loading-response flexion.
     */
    static double weightAcceptance(double phase) {
        double d = phase - 0.03;
        d -= Math.rint(d);
        double sigma = d < 0 ? 0.015 : 0.05;
        return Math.exp(-d * d / (2 * sigma * sigma));
    }

    /** Periodic Gaussian bump of width {@code sigma} centred at phase {@code centre}. */
    static double bump(double phase, double centre, double sigma) {
        double d = phase - centre;
        d -= Math.rint(d);
        return Math.exp(-d * d / (2 * sigma * sigma));
    }
}
