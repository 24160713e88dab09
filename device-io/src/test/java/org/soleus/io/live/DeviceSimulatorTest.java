package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Recording;
import org.soleus.io.codec.Protocol;

/**
 * {@link DeviceSimulator} into a port that nobody reads: it keeps to its timetable (or, played as
 * fast as possible, waits a second for the port) and drops the frames the port does not take,
 * instead of blocking for ever once the port's buffer is full.
 */
final class DeviceSimulatorTest {

    private static void assertDropsWhatNobodyReads(Recording source, DeviceSimulator.Settings settings) throws Exception {
        MemoryPort deaf = new MemoryPort();
        AtomicInteger notices = new AtomicInteger();
        DeviceSimulator.Result r = new DeviceSimulator(source, settings).run(deaf.writer(), () -> false,
                notices::incrementAndGet);
        assertEquals(source.length(), r.samples());
        assertTrue(r.framesSent() > 0 && r.framesUnread() > 0, r.toString());
        assertEquals(r.samples(), r.framesSent() + r.framesUnread() + r.framesDropped() + r.framesUnsent(), r.toString());
        assertEquals(1, notices.get(), "the port-full notice comes once");
        assertEquals(0, r.reconnects(), r.toString());
    }

    @Test
    void inRealTimeItKeepsToItsTimetableAndDropsTheFramesNobodyReads() throws Exception {
        assertDropsWhatNobodyReads(Walks.synthetic(6000, 1000, 7),
                new DeviceSimulator.Settings(Protocol.BINARY, 5, 0, 0, 1, 5));
    }

    @Test
    void asFastAsPossibleItWaitsASecondForThePortThenDropsTheRest() throws Exception {
        assertDropsWhatNobodyReads(Walks.synthetic(20_000, 100, 7),
                new DeviceSimulator.Settings(Protocol.LINE, 0, 0, 0, 1, 5));
    }

    /**
     * Stopped while the port is gone, it still counts the samples that fell due meanwhile: by a
     * stop at 0.8 s or later, at least 80 of the 100 Hz samples were due, each sent, dropped,
     * unread or unsent. The times are those of the simulator's own checks for a stop, the first
     * of which comes after it has started its timetable, so that a slow start does not count.
     */
    @Test
    void samplesDueWhileThePortIsGoneAreCountedWhenStoppedMeanwhile() throws Exception {
        MemoryPort port = new MemoryPort();
        DeviceSimulator simulator = new DeviceSimulator(Walks.synthetic(6000, 100, 7),
                new DeviceSimulator.Settings(Protocol.BINARY, 1, 0, 0, 1, 60));
        long[] firstCheckNanos = {Long.MIN_VALUE};
        AtomicBoolean unplugged = new AtomicBoolean();
        DeviceSimulator.Result r = simulator.run(port.writer(), () -> {
            long now = System.nanoTime();
            if (firstCheckNanos[0] == Long.MIN_VALUE) {
                firstCheckNanos[0] = now;
            }
            long elapsedNanos = now - firstCheckNanos[0];
            if (elapsedNanos >= 300_000_000L && !unplugged.getAndSet(true)) {
                port.unplug();
            }
            return elapsedNanos >= 800_000_000L;
        }, () -> { });
        long accounted = r.framesSent() + r.framesDropped() + r.framesUnread() + r.framesUnsent();
        assertTrue(r.framesUnsent() > 0 && accounted >= 80, r.toString());
    }
    /**
     * A port that goes away and does not come back within the reconnect timeout: the listener
     * hears that it went, the playing ends with what was played and why (the port gone), and
     * every sample not sent by then is counted as due while the port was gone.
     */
    @Test
    void aPortGoneForLongerThanTheTimeoutEndsThePlayingWithWhatWasPlayed() throws Exception {
        MemoryPort port = new MemoryPort();
        DeviceSimulator simulator = new DeviceSimulator(Walks.synthetic(6000, 100, 7),
                new DeviceSimulator.Settings(Protocol.BINARY, 1, 0, 0, 1, 0.3));
        List<Double> lostAtS = new ArrayList<>();
        AtomicBoolean unplugged = new AtomicBoolean();
        long startNanos = System.nanoTime();
        DeviceSimulator.Result r = simulator.run(port.writer(), () -> {
            if (System.nanoTime() - startNanos >= 300_000_000L && !unplugged.getAndSet(true)) {
                port.unplug();
            }
            return false;
        }, new DeviceSimulator.Listener() {
            @Override
            public void onPortFull() {
            }

            @Override
            public void onPortLost(double atS) {
                lostAtS.add(atS);
            }
        });
        assertEquals(1, lostAtS.size(), r.toString());
        assertTrue(r.portLost() != null, r.toString());
        assertEquals(0, r.reconnects());
        assertEquals(6000, r.framesSent() + r.framesDropped() + r.framesUnread() + r.framesUnsent() + r.framesNotPlayed(),
                r.toString());
        // about 0.3 s were due while the port was gone, the rest of the minute was not played
        assertTrue(r.framesUnsent() >= 25 && r.framesUnsent() < 1000, r.toString());
        assertTrue(r.framesNotPlayed() > 5000, r.toString());
    }
}
