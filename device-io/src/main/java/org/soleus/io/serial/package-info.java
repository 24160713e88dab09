/**
 * Serial ports: discovery ({@link org.soleus.io.serial.SerialPorts}), opening by system name
 * or path with one-line fault messages ({@link org.soleus.io.serial.SerialPortException}),
 * and the per-port reader thread ({@link org.soleus.io.serial.SerialStream}) that decodes into
 * a {@link org.soleus.io.stream.SampleRing} and reconnects after an unplug. jSerialComm is used
 * here and nowhere else: its types do not appear in any public signature.
 */
package org.soleus.io.serial;
