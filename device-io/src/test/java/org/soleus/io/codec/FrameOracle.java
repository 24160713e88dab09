package org.soleus.io.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a binary-protocol decoder should make of a byte stream that may have been damaged, found
 * without the decoder: the stream is split at its zero bytes, and a piece is intact when it
 * equals, byte for byte, the clean encoding of a frame that was sent. Every other non-empty
 * piece is one error; the sequence numbers missing between intact sample frames are lost frames;
 * intact sample frames before the first intact descriptor are undescribed. Not thread-safe.
 */
public final class FrameOracle {
    /** Each clean frame (its bytes as {@link Arrays#toString(byte[])}) to its sample index, or -1 for a descriptor. */
    private final Map<String, Integer> sent = new HashMap<>();

    /**
     * What the oracle finds in a stream.
     *
     * @param intact the sample indices of the intact sample frames after an intact descriptor, in
     *               stream order: the frames a decoder hands on
     * @param bad the non-empty pieces that are no clean frame
     * @param lost the sample indices missing between consecutive intact sample frames
     * @param undescribed the intact sample frames before the first intact descriptor
     */
    public record Result(List<Integer> intact, long bad, long lost, long undescribed) {
        public Result {
            intact = List.copyOf(intact);
        }
    }

    /**
     * Adds a frame that was sent: {@code frame} is its encoding without the delimiter,
     * {@code sampleIndex} its sample index, or -1 for a descriptor.
     */
    public void expect(byte[] frame, int sampleIndex) {
        sent.put(Arrays.toString(frame), sampleIndex);
    }

    /** Splits {@code stream} at its zero bytes and sorts the pieces between two zeros. */
    public Result check(byte[] stream) {
        List<Integer> intact = new ArrayList<>();
        long bad = 0;
        long lost = 0;
        long undescribed = 0;
        boolean described = false;
        int previous = -1;
        int from = -1;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] != 0) {
                continue;
            }
            if (from >= 0 && i > from) {
                Integer index = sent.get(Arrays.toString(Arrays.copyOfRange(stream, from, i)));
                if (index == null) {
                    bad++;
                } else if (index < 0) {
                    described = true;
                } else {
                    if (previous >= 0) {
                        lost += index - previous - 1;
                    }
                    previous = index;
                    if (described) {
                        intact.add(index);
                    } else {
                        undescribed++;
                    }
                }
            }
            from = i + 1;
        }
        return new Result(intact, bad, lost, undescribed);
    }
}
