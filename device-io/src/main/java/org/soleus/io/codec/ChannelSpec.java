package org.soleus.io.codec;

import java.util.Objects;
import org.soleus.core.recording.ChannelName;

/**
 * One channel of a live stream as its descriptor declares it: the recording-format name (whose
 * unit token is the unit of the physical value), how the value travels, and the linear map
 * from raw counts to the physical value, {@code physical = raw × scale + offset}.
 *
 * @param name     channel name, e.g. {@code left.shank.gyr_x_dps}
 * @param encoding how the raw value travels
 * @param scale    physical units per count, finite and not zero (1 for floats that carry the
 *                 physical value itself)
 * @param offset   physical value of a raw zero, finite
 */
public record ChannelSpec(ChannelName name, SampleEncoding encoding, double scale, double offset) {
    public ChannelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoding, "encoding");
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("scale of " + name + " must be finite and not 0, got " + scale);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset of " + name + " must be finite, got " + offset);
        }
    }

    /** A channel that carries its physical value as a float (scale 1, offset 0). */
    public static ChannelSpec ofFloat(ChannelName name) {
        return new ChannelSpec(name, SampleEncoding.FLOAT32, 1, 0);
    }

    /** Whether the raw value is the physical value (scale 1, offset 0). */
    public boolean isIdentity() {
        return scale == 1 && offset == 0;
    }
}
