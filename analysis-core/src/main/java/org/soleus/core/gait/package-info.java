/**
 * Gait cycles: strides from events, validity checks, per-stride timing.
 */
package org.soleus.core.gait;
