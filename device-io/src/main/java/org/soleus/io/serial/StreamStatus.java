package org.soleus.io.serial;

/**
 * A snapshot of a {@link SerialStream}'s counters.
 *
 * @param frames      sample frames decoded
 * @param crcErrors   frames that failed their CRC (binary protocol)
 * @param malformed   pieces of input that were not a frame (binary) or not a valid line
 * @param lostFrames  frames missing from the sequence counter's run
 * @param overruns    decoded frames dropped because the consumer fell behind
 * @param reconnects  times the port was reopened after it went away
 * @param connected   whether the port is open now
 */
public record StreamStatus(long frames, long crcErrors, long malformed, long lostFrames, long overruns,
                           int reconnects, boolean connected) {
}
