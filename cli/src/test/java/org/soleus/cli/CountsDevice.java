package org.soleus.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.codec.BinaryEncoder;
import org.soleus.io.codec.ChannelSpec;
import org.soleus.io.codec.StreamDescriptor;

/**
 * A pretend insole on a pseudo-terminal: streams two raw FSR cells in the binary protocol at
 * 200 Hz, each following {@code counts = c0 + (F / a)^(1/b)} plus Gaussian noise, where F is
 * the weight of the load the test has put on the cell ({@link #load}). The descriptor is
 * repeated every half second, so a reader that connects late learns the channels.
 */
final class CountsDevice implements AutoCloseable {
    static final String CELL1 = "left.insole.cell01_counts";
    static final String CELL2 = "left.insole.cell02_counts";
    /** a, b and c0 of each cell. */
    static final double[][] LAWS = {{0.01, 1.5, 40}, {0.05, 1.3, 30}};

    private static final int RATE_HZ = 200;

    private final Thread thread;
    private final SplittableRandom random;
    private final BinaryEncoder encoder = new BinaryEncoder(new StreamDescriptor(RATE_HZ, List.of(
            ChannelSpec.ofFloat(ChannelName.parse(CELL1)), ChannelSpec.ofFloat(ChannelName.parse(CELL2))),
            Map.of("device", "test rig 3")));
    private volatile int loadedCell;
    private volatile double loadKg;
    private volatile double noiseCounts;
    private volatile boolean stop;
    private volatile IOException failure;

    /** A device with no load on either cell, streaming to {@code port} from now on. */
    CountsDevice(Path port, long seed) {
        this(port, seed, -1, 0, 1.5);
    }

    /**
     * A device streaming to {@code port} from now on with {@code kg} on cell {@code cell} from
     * its first frame (see {@link #load}): a test that needs every frame loaded must not set
     * the load after the stream has begun.
     */
    CountsDevice(Path port, long seed, int cell, double kg, double noise) {
        load(cell, kg, noise);
        this.random = new SplittableRandom(seed);
        this.thread = new Thread(() -> run(port), "counts-device");
        thread.setDaemon(true);
        thread.start();
    }

    /** Puts {@code kg} on cell {@code cell} (0 or 1), none on the other, with this much noise (SD, counts). */
    void load(int cell, double kg, double noise) {
        loadedCell = cell;
        loadKg = kg;
        noiseCounts = noise;
    }

    /** The counts a cell reads under a force, without noise. */
    static double counts(int cell, double forceN) {
        double[] law = LAWS[cell];
        return law[2] + Math.pow(forceN / law[0], 1 / law[1]);
    }

    private void run(Path port) {
        byte[] buffer = new byte[1024];
        float[] values = new float[2];
        try (OutputStream out = Files.newOutputStream(port)) {
            long i = 0;
            long start = System.nanoTime();
            while (!stop) {
                long timeUs = i * 1_000_000L / RATE_HZ;
                int length = 0;
                if (i % (RATE_HZ / 2) == 0) {
                    buffer[length++] = 0;
                    length = encoder.encodeDescriptor(i, timeUs, buffer, length);
                }
                for (int c = 0; c < 2; c++) {
                    double force = c == loadedCell ? loadKg * 9.80665 : 0;
                    double noise = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                            * Math.cos(2 * Math.PI * random.nextDouble());
                    values[c] = (float) (counts(c, force) + noiseCounts * noise);
                }
                length = encoder.encodeSamples(i, timeUs, values, buffer, length);
                out.write(buffer, 0, length);
                out.flush();
                i++;
                long due = start + i * 1_000_000_000L / RATE_HZ;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (IOException e) {
            if (!stop) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop = true;
        thread.join(5000);
        if (failure != null) {
            throw failure;
        }
    }
}
