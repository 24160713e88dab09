/**
 * Gait events (heel strike, toe off) from insole force and, later, IMUs: streaming detectors and their batch drivers.
 */
package org.soleus.core.events;
