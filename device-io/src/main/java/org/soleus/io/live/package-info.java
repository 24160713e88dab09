/**
 * Live streams end to end: {@link org.soleus.io.live.StreamPump} takes decoded rows from a
 * {@link org.soleus.io.serial.SerialStream}, fills lost frames and disconnects with missing
 * samples on the stream's time base and hands the rows to any
 * {@link org.soleus.core.recording.SampleSink} (the recording writer, the live gait analysis);
 * {@link org.soleus.io.live.LiveSession} is the consumer loop that runs the pump until a duration,
 * a stop or the stream's end, with a status line on a terminal, and
 * {@link org.soleus.io.live.RecordingFileSink} writes the stream to a recording file that reaches
 * the disk every second; {@link org.soleus.io.live.DeviceSimulator} plays a recording as a device
 * would, for tests and demonstrations without hardware.
 */
package org.soleus.io.live;
