/**
 * Digital filters on primitive arrays: Butterworth design, biquad cascades (causal, streaming) and zero-phase forward-backward filtering.
 */
package org.soleus.core.filter;
