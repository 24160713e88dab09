package org.soleus.io.codec;

import java.util.Locale;

/** The wire protocols of live sensors ({@code docs/serial-protocol.md}). */
public enum Protocol {
    /** Text lines, as DIY firmware prints them ({@link LineDecoder}). */
    LINE("line"),
    /** COBS frames with CRC-32C, sequence counter, clock and descriptor ({@link BinaryDecoder}). */
    BINARY("binary"),
    /**
     * The Moticon OpenGo app's live UDP output ({@link org.soleus.io.udp.MoticonUdp}): the line
     * protocol after the header and rate that the UDP link reads first.
     */
    MOTICON("moticon");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** Name used on the command line. */
    public String id() {
        return id;
    }

    /**
     * A new decoder for this protocol.
     *
     * @param sampleRateHz     the stream's rate, which wins over the rate its header or descriptor
     *                         states and stands where it states none; NaN to take the stream's
     * @param eventTimingGiven whether the user gives the event timing ({@code --event-timing}):
     *                         then the stream's own {@code event_timing} is left out, not taken
     *                         nor refused
     */
    public StreamDecoder newDecoder(double sampleRateHz, boolean eventTimingGiven) {
        return this == BINARY ? new BinaryDecoder(sampleRateHz, eventTimingGiven)
                : new LineDecoder(sampleRateHz, eventTimingGiven);
    }

    /**
     * Parses {@code line}, {@code binary} or {@code moticon}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Protocol fromId(String id) {
        for (Protocol p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + id + "': expected line, binary or moticon");
    }
}
