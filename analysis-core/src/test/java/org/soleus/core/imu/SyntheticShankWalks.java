package org.soleus.core.imu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.soleus.core.events.EventTimes;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.RandomMountings;
import org.soleus.core.synthetic.SensorNoise;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;
import org.soleus.core.synthetic.TruthEvent;

/** Synthetic level walks with randomly strapped shank IMUs, and event matching against their truth. */
final class SyntheticShankWalks {
    /** A detected event matches a true one of the same foot and type within this distance, s. */
    static final double TOLERANCE_S = 0.15;

    private SyntheticShankWalks() {
    }

    /**
     * Standing 3 s, level walking for {@code walkS} at the cadence (speed rising with it), standing
     * 2 s; both shank IMUs in random mountings; gyroscope noise {@code noiseDps} and constant bias
     * up to {@code biasDps}.
     */
    static SyntheticRecording walk(long seed, double rateHz, double cadence, double walkS, double noiseDps,
                                   double biasDps) {
        double speedMps = 0.4 + 0.015 * (cadence - 60);
        SyntheticSpec spec = SyntheticSpec.of(List.of(new Activity.Standing(3),
                        new Activity.Walking(walkS, cadence, speedMps, Terrain.LEVEL), new Activity.Standing(2)), seed)
                .withNoise(new SensorNoise(5, 0.01, noiseDps, 0.1, biasDps, 0.05, 2))
                .withMountings(RandomMountings.of(new Random(seed), "shank"));
        SyntheticSpec resampled = new SyntheticSpec(rateHz, spec.bodyMassKg(), spec.foot(), spec.thighLengthM(),
                spec.shankLengthM(), spec.activities(), spec.noise(), spec.spikes(), spec.mountings(), seed);
        return SyntheticRecordingGenerator.generate(resampled);
    }

    /** The recording's shank gyroscopes only, converted by {@code scale} and renamed to {@code <side>.shank.gyr_?_<unit>}. */
    static Recording shankGyros(SyntheticRecording walk, double scale, String unit) {
        List<Channel> channels = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            for (String axis : new String[] {"x", "y", "z"}) {
                float[] dps = walk.sensors().channel(side.label() + ".shank.gyr_" + axis + "_dps").samples();
                channels.add(new Channel(ChannelName.of(side, "shank", "gyr_" + axis, unit),
                        FloatArrays.scaled(dps, scale)));
            }
        }
        Recording s = walk.sensors();
        return new Recording(s.source(), s.sampleRateHz(), s.startTimeS(), channels, s.metadata(), List.of());
    }

    /** Matching of detected against true events of one type, summed over calls. */
    static final class Score {
        int truth;
        int detected;
        int matched;
        double sumErrorS;
        double sumAbsErrorS;

        /** Matches, per foot, each true event to the nearest unmatched detected one within the tolerance. */
        void add(List<TruthEvent> truthEvents, List<GaitEvent> detectedEvents, Side side, GaitEventType type) {
            List<Double> found = EventTimes.times(detectedEvents, side, type);
            detected += found.size();
            boolean[] used = new boolean[found.size()];
            for (TruthEvent t : truthEvents) {
                if (t.side() != side || t.type() != type) {
                    continue;
                }
                truth++;
                int best = -1;
                for (int k = 0; k < found.size(); k++) {
                    double d = Math.abs(found.get(k) - t.timeS());
                    if (!used[k] && d <= TOLERANCE_S && (best < 0 || d < Math.abs(found.get(best) - t.timeS()))) {
                        best = k;
                    }
                }
                if (best >= 0) {
                    used[best] = true;
                    matched++;
                    double error = found.get(best) - t.timeS();
                    sumErrorS += error;
                    sumAbsErrorS += Math.abs(error);
                }
            }
        }

        double f1() {
            return 2.0 * matched / (truth + detected);
        }

        double biasMs() {
            return 1000 * sumErrorS / matched;
        }

        double maeMs() {
            return 1000 * sumAbsErrorS / matched;
        }
    }
}
