package org.soleus.io.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Layout of the binary protocol's frames ({@code docs/serial-protocol.md}), before COBS:
 * <pre>
 *   offset  bytes  field
 *   0       1      message type: {@link #TYPE_DESCRIPTOR} or {@link #TYPE_SAMPLES}
 *   1       4      sequence number, unsigned, little-endian
 *   5       4      device time, µs, unsigned, little-endian, wraps after 2^32 µs (71.6 min)
 *   9       n      payload
 *   9 + n   4      CRC-32C of bytes 0 .. 9 + n − 1, little-endian
 * </pre>
 * CRC-32C is the Castagnoli polynomial 0x1EDC6F41 (reflected 0x82F63B78), initial value
 * 0xFFFFFFFF, input and output reflected, final XOR 0xFFFFFFFF; check value
 * {@code CRC-32C("123456789") = 0xE3069283}. It is {@link java.util.zip.CRC32C} in Java and a
 * single instruction on x86 (SSE 4.2) and ARMv8.
 */
final class BinaryFormat {
    static final int TYPE_DESCRIPTOR = 0x01;
    static final int TYPE_SAMPLES = 0x02;
    static final int VERSION = 1;

    static final int HEADER_BYTES = 9;
    static final int CRC_BYTES = 4;
    static final int MIN_FRAME_BYTES = HEADER_BYTES + CRC_BYTES;
    /** Longest frame before COBS; a descriptor of 256 channels with long names fits. */
    static final int MAX_FRAME_BYTES = 16384;
    static final int MAX_CHANNELS = 1024;

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private BinaryFormat() {
    }
}
