package org.soleus.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.calibration.CalibratingSink;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.calibration.CalibrationModel;
import org.soleus.io.calibration.CellCalibration;

/**
 * The calibration stage of the live path: 2 insoles × 16 raw FSR cells converted from counts to
 * newtons with power laws and summed per foot ({@link CalibratingSink}). One operation is 1000
 * rows (one second at 1 kHz); {@code -prof gc} shows that nothing is allocated per row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CalibrationBenchmark {
    private static final int CELLS = 16;
    private static final int ROWS = 1000;

    private float[][] rows;
    private CalibratingSink sink;
    private Consumer consumer;

    /** Hands each converted row's foot forces to the blackhole. */
    static final class Consumer implements SampleSink {
        Blackhole blackhole;
        private int width;

        @Override
        public void start(RecordingHeader header) {
            width = header.channels().size();
        }

        @Override
        public void accept(float[] row) {
            blackhole.consume(row[width - 1] + row[width - 2]);
        }

        @Override
        public void end(List<String> warnings) {
            // nothing to finish
        }
    }

    @Setup
    public void setUp() {
        Random random = new Random(3);
        List<ChannelName> names = new ArrayList<>();
        List<CellCalibration> cells = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            for (int c = 1; c <= CELLS; c++) {
                ChannelName name = ChannelName.of(side, "insole", String.format(Locale.ROOT, "cell%02d", c), "counts");
                names.add(name);
                cells.add(new CellCalibration(name, CalibrationModel.POWER, 0.01 + 0.001 * c, 1.3 + 0.02 * c, 40, 40,
                        900, 5, 0.5));
            }
        }
        rows = new float[ROWS][names.size()];
        for (float[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 20 + 900 * random.nextFloat();
            }
        }
        consumer = new Consumer();
        sink = CalibratingSink.ofWholeStream(new Calibration("bench", LocalDate.of(2025, 3, 1), cells), "bench.json", consumer);
        sink.start(new RecordingHeader("bench", 1000, 0, names, RecordingMetadata.EMPTY));
    }

    /** 1000 rows of 32 cells. */
    @Benchmark
    public void oneSecond(Blackhole blackhole) {
        consumer.blackhole = blackhole;
        for (float[] row : rows) {
            sink.accept(row);
        }
    }
}
