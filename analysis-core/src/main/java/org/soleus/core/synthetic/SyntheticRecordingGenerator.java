package org.soleus.core.synthetic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.soleus.core.ankle.AchillesMomentArm;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.gait.Stride;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;
import org.soleus.core.soleus.SoleusSettings;

/**
 * Generates a {@link SyntheticRecording} from a {@link SyntheticSpec} with the leg model of this
 * package: segment angles and joint positions are smooth functions of time; gyroscope rates are
 * their time derivatives (central differences over ±1 ms) and accelerometer readings the second
 * derivative of the sensor position plus gravity, rotated into the sensor frame (specific force,
 * so a sensor at rest reads +9.81 m/s² along its up axis). Thigh and shank sensors sit at mid
 * segment, the foot sensor 0.1 m in front of the ankle. Noise is then added from a
 * {@link Random} seeded with {@link SyntheticSpec#seed()}, so equal specs give equal recordings,
 * and the sensor values are rounded to a fixed resolution (force 0.1 N, CoP 0.0001, gyroscope
 * 0.01 °/s, accelerometer 0.001 m/s²); the truth is not rounded.
 *
 * <p>Stateless and thread-safe.
 */
public final class SyntheticRecordingGenerator {
    private static final double DIFF_STEP_S = 1e-3;
    private static final String[] SEGMENTS = {"foot", "shank", "thigh"};
    private static final double FOOT_SENSOR_M = 0.1;
    /** Sensor resolutions: force 0.1 N, CoP 0.0001 of insole length, gyroscope 0.01 °/s, accelerometer 0.001 m/s². */
    private static final double FORCE_LSB_N = 0.1;
    private static final double COP_LSB_NORM = 1e-4;
    private static final double GYRO_LSB_DPS = 0.01;
    private static final double ACC_LSB_MPS2 = 1e-3;

    private SyntheticRecordingGenerator() {
    }

    /** Generates the session. */
    public static SyntheticRecording generate(SyntheticSpec spec) {
        LegModel model = new LegModel(spec);
        double fs = spec.sampleRateHz();
        int n = (int) Math.floor(model.durationS() * fs);
        Random random = new Random(spec.seed());
        SensorNoise noise = spec.noise();
        double threshold = SoleusSettings.DEFAULTS.momentThresholdNm(spec.bodyMassKg(), spec.foot().insoleLengthM());
        List<Channel> sensors = new ArrayList<>();
        List<Channel> truth = new ArrayList<>();
        LegModel.Pose before = new LegModel.Pose();
        LegModel.Pose now = new LegModel.Pose();
        LegModel.Pose after = new LegModel.Pose();
        double[] pos = new double[6];
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            float[] force = new float[n];
            float[] cop = new float[n];
            float[][] imu = new float[18][n];
            float[] knee = new float[n];
            float[] ankle = new float[n];
            float[] cleanForce = new float[n];
            float[] cleanCop = new float[n];
            float[] stance = new float[n];
            float[] moment = new float[n];
            float[] momentKg = new float[n];
            float[] achilles = new float[n];
            float[] dominant = new float[n];
            double[][] mounting = new double[3][];
            for (int s = 0; s < 3; s++) {
                mounting[s] = spec.mountingMatrix(side, SEGMENTS[s]);
            }
            double[] bias = new double[9];
            for (int a = 0; a < 9; a++) {
                bias[a] = noise.gyroBiasDps() * (2 * random.nextDouble() - 1);
            }
            double driftStep = noise.gyroDriftDpsPerSqrtS() * Math.sqrt(1 / fs);
            for (int i = 0; i < n; i++) {
                double t = i / fs;
                model.pose(side, t - DIFF_STEP_S, before);
                model.pose(side, t, now);
                model.pose(side, t + DIFF_STEP_S, after);
                for (int s = 0; s < 3; s++) {
                    double betaBefore = beta(before, s);
                    double betaAfter = beta(after, s);
                    double rateDps = (betaAfter - betaBefore) / (2 * DIFF_STEP_S);
                    sensorPosition(spec, before, s, pos, 0);
                    sensorPosition(spec, now, s, pos, 2);
                    sensorPosition(spec, after, s, pos, 4);
                    double ax = (pos[4] - 2 * pos[2] + pos[0]) / (DIFF_STEP_S * DIFF_STEP_S);
                    double az = (pos[5] - 2 * pos[3] + pos[1]) / (DIFF_STEP_S * DIFF_STEP_S) + Gravity.STANDARD_MPS2;
                    double b = Math.toRadians(beta(now, s));
                    double accX = ax * Math.cos(b) - az * Math.sin(b);
                    double accZ = ax * Math.sin(b) + az * Math.cos(b);
                    double[] r = mounting[s];
                    for (int a = 0; a < 3; a++) {
                        int axis = 3 * s + a;
                        bias[axis] += driftStep * random.nextGaussian();
                        // sensor = Rᵀ · segment: column a of R; the segment-frame gyro is (0, rate, 0), acc (accX, 0, accZ)
                        double gyro = r[3 + a] * rateDps;
                        double acc = r[a] * accX + r[6 + a] * accZ;
                        imu[6 * s + a][i] = quantize(gyro + bias[axis] + noise.gyroDps() * random.nextGaussian(), GYRO_LSB_DPS);
                        imu[6 * s + 3 + a][i] = quantize(acc + noise.accMps2() * random.nextGaussian(), ACC_LSB_MPS2);
                    }
                }
                force[i] = quantize(now.forceN + noise.forceDriftNPerMin() * t / 60 + noise.forceN() * random.nextGaussian(),
                        FORCE_LSB_N);
                cop[i] = now.stance ? quantize(now.copNorm + noise.copNorm() * random.nextGaussian(), COP_LSB_NORM) : 0;
                knee[i] = (float) now.kneeDeg();
                ankle[i] = (float) now.anklePlantarFlexionDeg();
                cleanForce[i] = (float) now.forceN;
                cleanCop[i] = (float) now.copNorm;
                stance[i] = now.stance ? 1 : 0;
                double m = PlantarFlexionMoment.momentNm(now.forceN, now.copNorm, spec.foot());
                moment[i] = (float) m;
                momentKg[i] = (float) (m / spec.bodyMassKg());
                achilles[i] = (float) PlantarFlexionMoment.achillesForceN(m, Double.NaN, AchillesMomentArm.DEFAULT);
                dominant[i] = m > threshold && now.kneeDeg() > SoleusSettings.DEFAULT_KNEE_FLEXION_DEG ? 1 : 0;
            }
            String l = side.label();
            sensors.add(new Channel(ChannelName.of(side, "insole", "force", "n"), force));
            sensors.add(new Channel(ChannelName.of(side, "insole", "cop_y", "norm"), cop));
            for (int s = 0; s < 3; s++) {
                for (int a = 0; a < 3; a++) {
                    String axis = String.valueOf((char) ('x' + a));
                    sensors.add(new Channel(ChannelName.of(side, SEGMENTS[s], "gyr_" + axis, "dps"), imu[6 * s + a]));
                }
                for (int a = 0; a < 3; a++) {
                    String axis = String.valueOf((char) ('x' + a));
                    sensors.add(new Channel(ChannelName.of(side, SEGMENTS[s], "acc_" + axis, "mps2"), imu[6 * s + 3 + a]));
                }
            }
            truth.add(new Channel(ChannelName.of(side, "knee", "flexion", "deg"), knee));
            truth.add(new Channel(ChannelName.of(side, "ankle", "plantarflexion", "deg"), ankle));
            truth.add(new Channel(ChannelName.of(side, "insole", "force", "n"), cleanForce));
            truth.add(new Channel(ChannelName.of(side, "insole", "cop_y", "norm"), cleanCop));
            truth.add(new Channel(ChannelName.of(side, "insole", "stance", "flag"), stance));
            truth.add(new Channel(ChannelName.of(side, "ankle", "pf_moment", "nm"), moment));
            truth.add(new Channel(ChannelName.parse(l + ".ankle.pf_moment_nm_kg"), momentKg));
            truth.add(new Channel(ChannelName.of(side, "achilles", "force", "n"), achilles));
            truth.add(new Channel(ChannelName.of(side, "soleus", "dominant", "flag"), dominant));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("source_format", "synthetic");
        properties.put("synthetic_seed", Long.toString(spec.seed()));
        properties.put("insole_length_m", format(spec.foot().insoleLengthM()));
        properties.put("heel_to_ankle_m", format(spec.foot().heelToAnkleM()));
        properties.put("sensor_placement", "insole, foot, shank, thigh");
        properties.put("imu_axes", spec.mountings().isEmpty()
                ? "y to the left (sagittal rotation axis); shank and thigh: z along the segment towards the hip,"
                        + " x forward; foot: x to the toes, z up"
                : "rotated from the segment frames by the spec's mountings");
        RecordingMetadata metadata = new RecordingMetadata(spec.bodyMassKg(), Map.of(), properties);
        Recording sensorRecording = new Recording("synthetic", fs, 0, sensors, metadata, List.of());
        Recording truthRecording = new Recording("synthetic truth", fs, 0, truth, metadata, List.of());
        List<TruthEvent> events = new ArrayList<>();
        List<TruthStride> strides = new ArrayList<>();
        List<CalfRaiseRep> reps = new ArrayList<>();
        for (LegModel.Bout bout : model.bouts()) {
            if (bout.activity() instanceof Activity.Walking w) {
                walkTruth(model, bout, w, events, strides);
            } else if (bout.activity() instanceof Activity.CalfRaises c) {
                double first = bout.startS() + Activity.CalfRaises.SETTLE_S;
                for (int r = 0; r < c.repetitions(); r++) {
                    double start = first + r * c.repetitionS();
                    reps.add(new CalfRaiseRep(bout.set(), r, start, start + 0.35 * c.repetitionS(),
                            start + 0.85 * c.repetitionS(), c.kneeFlexionDeg(), c.heelRiseDeg(), c.seated()));
                }
            }
        }
        boutBoundaryEvents(model, events, strides);
        events.sort(Comparator.comparingDouble(TruthEvent::timeS));
        return new SyntheticRecording(spec, sensorRecording, truthRecording, events, strides, reps);
    }

    /**
     * Makes the events agree with the stance flag where one bout hands the legs to the next: a
     * foot unloaded just before the boundary and loaded just after lands there (a heel strike),
     * the reverse lifts off (a toe off), and a foot loaded on both sides makes no event. So the
     * first heel strike of a walking bout is dropped, with the stride it starts, for a foot that
     * stood before the bout (its force only changes shape), and a foot still in swing when a
     * walk ends gets the heel strike with which it comes down to stand.
     */
    private static void boutBoundaryEvents(LegModel model, List<TruthEvent> events, List<TruthStride> strides) {
        LegModel.Pose pose = new LegModel.Pose();
        List<LegModel.Bout> bouts = model.bouts();
        for (int b = 1; b < bouts.size(); b++) {
            double atS = bouts.get(b).startS();
            for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
                // a microsecond before the boundary, not the next double down: (atS - start) / stride
                // of the bout before can round up to a whole stride there (15.0 s after 3 s of standing
                // and 12 s at 110 steps/min), which read a foot landing at the boundary as loaded
                model.pose(side, atS - 1e-6, pose);
                boolean before = pose.stance;
                model.pose(side, atS, pose);
                boolean after = pose.stance;
                if (before == after) {
                    if (events.removeIf(e -> e.side() == side && e.timeS() == atS)) {
                        strides.removeIf(s -> s.stride().side() == side && s.stride().startS() == atS);
                    }
                    continue;
                }
                GaitEventType type = after ? GaitEventType.HEEL_STRIKE : GaitEventType.TOE_OFF;
                if (events.stream().noneMatch(e -> e.side() == side && e.type() == type && e.timeS() == atS)) {
                    events.add(new TruthEvent(side, type, atS));
                }
            }
        }
    }

    private static void walkTruth(LegModel model, LegModel.Bout bout, Activity.Walking w, List<TruthEvent> events,
                                  List<TruthStride> strides) {
        double stride = w.strideS();
        double sf = LegModel.stanceFraction(w.terrain());
        int count = bout.strides();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double offset = side == Side.LEFT ? 0 : 0.5;
            int first = side == Side.LEFT ? bout.leftFirstStride() : bout.rightFirstStride();
            if (offset + sf - 1 > 0) {
                events.add(new TruthEvent(side, GaitEventType.TOE_OFF, bout.startS() + (offset + sf - 1) * stride));
            }
            for (int k = 0; k < count; k++) {
                double ic = bout.startS() + (k + offset) * stride;
                double to = ic + sf * stride;
                events.add(new TruthEvent(side, GaitEventType.HEEL_STRIKE, ic));
                if (to < bout.endS()) {
                    events.add(new TruthEvent(side, GaitEventType.TOE_OFF, to));
                }
                if (ic + stride < bout.endS()) {
                    strides.add(new TruthStride(new Stride(side, ic, to, ic + stride, Double.NaN), first + k,
                            w.terrain(), model.loadFactor(side, first + k)));
                }
            }
        }
    }

    /** Rotation of segment {@code s} (0 foot, 1 shank, 2 thigh) about the sensor y axis, degrees. */
    private static double beta(LegModel.Pose p, int s) {
        return switch (s) {
            case 0 -> p.footDeg;
            case 1 -> -p.shankDeg;
            default -> -p.thighDeg;
        };
    }

    /** Writes the world (x forward, z up) position of segment {@code s}'s sensor into {@code out[off..off+1]}. */
    private static void sensorPosition(SyntheticSpec spec, LegModel.Pose p, int s, double[] out, int off) {
        double th = Math.toRadians(p.thighDeg);
        double sh = Math.toRadians(p.shankDeg);
        double lt = spec.thighLengthM();
        double ls = spec.shankLengthM();
        double kneeX = p.hipX + lt * Math.sin(th);
        double kneeZ = p.hipZ - lt * Math.cos(th);
        if (s == 2) {
            out[off] = p.hipX + 0.5 * lt * Math.sin(th);
            out[off + 1] = p.hipZ - 0.5 * lt * Math.cos(th);
        } else if (s == 1) {
            out[off] = kneeX + 0.5 * ls * Math.sin(sh);
            out[off + 1] = kneeZ - 0.5 * ls * Math.cos(sh);
        } else {
            double ft = Math.toRadians(p.footDeg);
            out[off] = kneeX + ls * Math.sin(sh) + FOOT_SENSOR_M * Math.cos(ft);
            out[off + 1] = kneeZ - ls * Math.cos(sh) - FOOT_SENSOR_M * Math.sin(ft);
        }
    }

    /** Rounds to a multiple of the sensor resolution {@code lsb}, as a digitised sensor reports. */
    private static float quantize(double v, double lsb) {
        return (float) (Math.rint(v / lsb) * lsb);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
