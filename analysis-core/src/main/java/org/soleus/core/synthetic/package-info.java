/**
 * Synthetic multi-sensor recordings with known truth, for tests, demos and benchmarks.
 *
 * <p>{@link org.soleus.core.synthetic.SyntheticRecordingGenerator} turns a
 * {@link org.soleus.core.synthetic.SyntheticSpec} (subject, a sequence of
 * {@link org.soleus.core.synthetic.Activity activities}, sensor noise, planted load spikes) into
 * a {@link org.soleus.core.synthetic.SyntheticRecording}: the sensor channels in the recording
 * format (insole force and centre of pressure per foot, gyroscope and accelerometer on foot,
 * shank and thigh) and the truth beside them (gait events and strides, knee flexion, ankle
 * angle, plantar-flexor moment, Achilles tendon force, calf-raise repetitions).
 *
 * <p>The model is deliberately simple and says so: a sagittal-plane chain of rigid thigh, shank
 * and foot segments whose joint angles are smooth periodic functions of the gait phase, tuned to
 * textbook walking curves (knee about 5° at heel strike, a quick first yield of 4° at contact,
 * 15–20° in loading response, 40° at toe
 * off, 60–70° in mid-swing); the IMU signals are the exact angular rates and specific forces of
 * that chain, so gyroscope, accelerometer and angles agree with each other. The foot is not held
 * planted in stance and the vertical force is a fixed double-hump shape; neither is meant to be a
 * realistic gait, only a signal with exact, documented truth.
 */
package org.soleus.core.synthetic;
