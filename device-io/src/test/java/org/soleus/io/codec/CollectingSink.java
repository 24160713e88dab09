package org.soleus.io.codec;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a decoder hands on, copying the reused value arrays. */
final class CollectingSink implements FrameSink {
    final List<StreamDescriptor> descriptors = new ArrayList<>();
    final List<Long> sequences = new ArrayList<>();
    final List<Long> timesUs = new ArrayList<>();
    final List<float[]> rows = new ArrayList<>();
    /** For each restart, how many frames had come before it. */
    final List<Integer> restartsAfterFrames = new ArrayList<>();

    @Override
    public void onDescriptor(StreamDescriptor descriptor) {
        descriptors.add(descriptor);
    }

    @Override
    public void onFrame(long sequence, long deviceTimeUs, float[] values) {
        sequences.add(sequence);
        timesUs.add(deviceTimeUs);
        rows.add(values.clone());
    }

    @Override
    public void onRestart() {
        restartsAfterFrames.add(rows.size());
    }

    int size() {
        return rows.size();
    }
}
