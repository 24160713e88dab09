package org.soleus.core.imu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.ImuSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.SyntheticRecording;

/**
 * Initial and terminal contact from shank gyroscopes ({@link ShankGyroEvents}) against the
 * truth of synthetic level walks: 4 seeds × 4 cadences (80–125 steps/min), each shank strapped
 * in a random rotation, gyroscope noise 1–3 deg/s with a constant bias of up to 5–20 deg/s and
 * a random walk, at 100 or 200 Hz; the channels named in deg/s, or in rad/s under an unknown
 * unit token so that {@link ImuUnits} must tell the unit from the values. Every true event
 * within 150 ms of a detected one of the same foot and type counts as found (each detected
 * event at most once); F1 = 2·found / (true + detected).
 *
 * <p>The minima of the shank's rate are not the contacts themselves: in the synthetic leg (as
 * on real shanks, Salarian et al. 2004) the minimum after the swing comes a little after
 * initial contact and the one before it a little before terminal contact. The mean signed
 * errors are printed beside the absolute ones and are not corrected for.
 *
 * <p>Targets: F1 ≥ 0.97, mean absolute error ≤ 35 ms for either contact, in every case together.
 */
final class ShankGyroSyntheticValidationTest {
    private static final double[] CADENCES = {80, 100, 110, 125};

    @Test
    void contactsFromShankGyroscopesInAnyMountingAndUnit() {
        SyntheticShankWalks.Score initial = new SyntheticShankWalks.Score();
        SyntheticShankWalks.Score terminal = new SyntheticShankWalks.Score();
        List<String> cases = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            for (int c = 0; c < CADENCES.length; c++) {
                double rateHz = (seed + c) % 2 == 0 ? 100 : 200;
                double noiseDps = 1 + (seed % 3);
                double biasDps = 5 * (1 + (seed + c) % 4);
                SyntheticRecording walk = SyntheticShankWalks.walk(seed, rateHz, CADENCES[c], 40, noiseDps, biasDps);
                boolean radians = (seed + c) % 2 == 1;
                Recording gyros = radians ? SyntheticShankWalks.shankGyros(walk, Math.PI / 180, "au")
                        : SyntheticShankWalks.shankGyros(walk, 1, "dps");
                List<GaitEvent> both = InsoleGaitAnalyzer.analyze(gyros, GaitSettings.defaults(), ImuSettings.defaults())
                        .events();
                for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
                    List<GaitEvent> events = both.stream().filter(e -> e.side() == side).toList();
                    initial.add(walk.events(), events, side, GaitEventType.HEEL_STRIKE);
                    terminal.add(walk.events(), events, side, GaitEventType.TOE_OFF);
                }
                cases.add("seed " + seed + " cadence " + CADENCES[c]);
            }
        }
        double f1 = 2.0 * (initial.matched + terminal.matched)
                / (initial.truth + initial.detected + terminal.truth + terminal.detected);
        String line = String.format(Locale.ROOT, "shank gyroscope, synthetic level walks (%d walks x 2 legs, random "
                        + "mountings, deg/s and rad/s, noise and bias): F1 %.3f (%d+%d of %d+%d true, %d+%d detected); "
                        + "initial contact bias %+.1f ms, MAE %.1f ms; terminal contact bias %+.1f ms, MAE %.1f ms",
                cases.size(), f1, initial.matched, terminal.matched, initial.truth, terminal.truth, initial.detected,
                terminal.detected, initial.biasMs(), initial.maeMs(), terminal.biasMs(), terminal.maeMs());
        System.out.println(line);
        assertTrue(f1 >= 0.97, line);
        assertTrue(initial.maeMs() <= 35 && terminal.maeMs() <= 35, line);
    }
}
