/**
 * Gait events (heel strike, toe off) from insole force: the streaming contact detector and its
 * batch driver, and the event values that every detector (insole, IMU, both) reports with
 * their {@link org.soleus.core.events.EventSource source}.
 */
package org.soleus.core.events;
