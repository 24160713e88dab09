package org.soleus.io.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.SampleSink;

/**
 * Streams a WFDB record's frames from its open signal files into a sink: one sample per signal
 * a frame, taken from the decoder of the signal's file ({@link WfdbSampleDecoder}), up to the
 * header's sample count or until a file ends; each frame passes through {@link WfdbFloorRuns}
 * and reaches the sink as physical values (ADC value − baseline) / gain, the invalid-sample
 * code as NaN, in one reused {@code float[]}. Then it warns, per signal, about invalid-sample
 * codes read as the ADC's floor or as missing, about how the files ended
 * ({@link WfdbRecordEnd}) and, when every declared sample was read, about checksums that differ
 * from the header's (the sum of a signal's samples modulo 2<sup>16</sup> as a signed 16-bit
 * value; Moody, WFDB header(5)). No allocation per frame. Stateless and thread-safe.
 */
final class WfdbFrameStream {
    /** Cap on the frames held back for a run of invalid-sample codes, whatever the sample rate. */
    private static final int MAX_FLOOR_RUN_FRAMES = 1 << 16;

    private WfdbFrameStream() {
    }

    /**
     * Streams every frame into {@code sink} and adds the warnings about the samples and the files'
     * ends to {@code warnings}.
     *
     * @param decoders one open decoder per group, in the groups' order
     */
    static void stream(WfdbHeader header, double sampleRateHz, List<WfdbSignalGroup> groups,
                       WfdbSampleDecoder[] decoders, SampleSink sink, List<String> warnings) throws IOException {
        int n = header.signals().size();
        WfdbSampleDecoder[] decoderOf = decoderOfEachSignal(groups, decoders, n);
        WfdbFloorRuns floorRuns = floorRuns(header.signals(), sampleRateHz, sink);
        int[] adu = new int[n];
        int[] sums = new int[n];
        long limit = header.knowsSampleCount() ? header.sampleCount() : Long.MAX_VALUE;
        long frames = 0;
        int stoppedAt = -1;
        while (frames < limit) {
            int s = 0;
            while (s < n) {
                int v = decoderOf[s].next();
                if (v == WfdbSampleDecoder.END) {
                    break;
                }
                adu[s++] = v;
            }
            if (s < n) {
                stoppedAt = s;
                break;
            }
            for (s = 0; s < n; s++) {
                sums[s] += adu[s];
            }
            floorRuns.accept(adu);
            frames++;
        }
        floorRuns.finish();
        warnAboutInvalidSamples(header, floorRuns, warnings);
        boolean complete = WfdbRecordEnd.check(header, groups, decoders, frames, stoppedAt, warnings);
        if (complete) {
            checkChecksums(header, frames, sums, warnings);
        }
    }

    /** The decoder of each of the {@code n} signals: its group's. */
    private static WfdbSampleDecoder[] decoderOfEachSignal(List<WfdbSignalGroup> groups, WfdbSampleDecoder[] decoders,
                                                           int n) {
        WfdbSampleDecoder[] decoderOf = new WfdbSampleDecoder[n];
        for (int g = 0; g < groups.size(); g++) {
            WfdbSignalGroup group = groups.get(g);
            for (int s = group.firstSignal(); s < group.firstSignal() + group.signalCount(); s++) {
                decoderOf[s] = decoders[g];
            }
        }
        return decoderOf;
    }

    /**
     * The floor-run filter whose frames reach {@code sink} as physical values, the invalid-sample
     * code as NaN; it holds back at most {@link WfdbReader#MAX_FLOOR_RUN_S} s of frames.
     */
    private static WfdbFloorRuns floorRuns(List<WfdbSignalSpec> signals, double sampleRateHz, SampleSink sink) {
        int n = signals.size();
        int[] invalid = new int[n];
        double[] baseline = new double[n];
        double[] gain = new double[n];
        for (int s = 0; s < n; s++) {
            WfdbSignalSpec spec = signals.get(s);
            invalid[s] = spec.invalidSample();
            baseline[s] = spec.baseline();
            gain[s] = spec.gain();
        }
        float[] row = new float[n];
        int maxRunFrames = (int) Math.max(1, Math.min(WfdbReader.MAX_FLOOR_RUN_S * sampleRateHz, MAX_FLOOR_RUN_FRAMES));
        return new WfdbFloorRuns(invalid, maxRunFrames, codes -> {
            for (int s = 0; s < n; s++) {
                int v = codes[s];
                row[s] = v == invalid[s] ? Float.NaN : WfdbSignalSpec.physical(v, baseline[s], gain[s]);
            }
            sink.accept(row);
        });
    }

    /**
     * One warning per signal with invalid-sample codes: how many were read as the bottom of the
     * ADC's range ({@link WfdbFloorRuns}) and how many as missing.
     */
    private static void warnAboutInvalidSamples(WfdbHeader header, WfdbFloorRuns floorRuns, List<String> warnings) {
        for (int s = 0; s < header.signals().size(); s++) {
            long floor = floorRuns.floorSamples(s);
            long missing = floorRuns.missingSamples(s);
            if (floor > 0 || missing > 0) {
                warnings.add(invalidSamplesWarning(header, s, floor, missing));
            }
        }
    }

    /** The warning about signal {@code s}'s {@code floor} codes read as the ADC's floor and {@code missing} read as missing. */
    private static String invalidSamplesWarning(WfdbHeader header, int s, long floor, long missing) {
        WfdbSignalSpec spec = header.signals().get(s);
        int code = spec.invalidSample();
        List<String> parts = new ArrayList<>();
        if (floor > 0) {
            parts.add(floor + " sample" + (floor == 1 ? "" : "s") + " of the invalid-sample code " + code
                    + " between samples at the bottom of the ADC's range read as its lowest value " + (code + 1)
                    + " (the sensor below the range: in format " + spec.format()
                    + " the ADC's lowest code is the invalid-sample code)");
        }
        if (missing > 0) {
            parts.add(missing + " invalid sample" + (missing == 1 ? "" : "s") + " (" + code + ") read as missing");
        }
        return header.file() + ":" + spec.line() + ": signal " + (s + 1) + " ("
                + (spec.description().isEmpty() ? spec.fileName() : spec.description()) + "): "
                + String.join("; ", parts);
    }

    /** A warning per signal whose checksum over the {@code frames} samples read differs from its header's. */
    private static void checkChecksums(WfdbHeader header, long frames, int[] sums, List<String> warnings) {
        List<WfdbSignalSpec> signals = header.signals();
        for (int s = 0; s < signals.size(); s++) {
            WfdbSignalSpec spec = signals.get(s);
            short actual = (short) sums[s];
            if (spec.hasChecksum() && actual != (short) spec.checksum()) {
                warnings.add(header.file() + ":" + spec.line() + ":" + spec.checksumColumn() + ": checksum of signal "
                        + (s + 1) + " ('" + spec.description() + "') over its " + frames + " samples is " + actual
                        + ", the header says " + spec.checksum() + "; the samples may be corrupt");
            }
        }
    }
}
