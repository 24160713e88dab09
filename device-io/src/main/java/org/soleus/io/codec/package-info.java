/**
 * Wire protocols of live sensors ({@code docs/serial-protocol.md}): one
 * {@link org.soleus.io.codec.StreamDecoder} interface fed with {@code (buffer, offset, length)}
 * byte views that hands decoded sample frames to a {@link org.soleus.io.codec.FrameSink}
 * without allocating per frame, for the line protocol of DIY firmware
 * ({@link org.soleus.io.codec.LineDecoder}) and the COBS/CRC-32C binary protocol
 * ({@link org.soleus.io.codec.BinaryDecoder}); and the matching encoders, with which the
 * simulator plays a device.
 */
package org.soleus.io.codec;
