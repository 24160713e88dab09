package org.soleus.io.codec;

/**
 * Receives what a {@link StreamDecoder} decodes. Called on the decoding thread, in stream
 * order; implementations must return quickly and must not keep the {@code values} array.
 */
public interface FrameSink {

    /** Marks a frame whose device clock is unknown (the line protocol without a time column). */
    long NO_TIME = Long.MIN_VALUE;

    /**
     * The stream declared its channels: at the start, whenever a device repeats its descriptor,
     * and when it changes them. Frames that follow use this descriptor.
     */
    void onDescriptor(StreamDescriptor descriptor);

    /**
     * One decoded sample frame.
     *
     * @param sequence     frame number, rising by one per frame sent (a larger step means
     *                     frames were lost in between); counts from the stream's start or the
     *                     decoder's last reset
     * @param deviceTimeUs the device's clock at the sample, µs, extended past the wire format's
     *                     wrap-around; {@link #NO_TIME} when the stream has no clock
     * @param values       physical values in descriptor channel order, NaN for missing; reused
     *                     by the decoder after this call returns
     */
    void onFrame(long sequence, long deviceTimeUs, float[] values);

    /**
     * The device restarted: its clock and frame count began anew, so how long it was away is
     * not known from the stream. Comes before the first frame after the restart.
     */
    default void onRestart() {
    }
}
