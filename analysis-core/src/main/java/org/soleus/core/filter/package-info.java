/**
 * Digital filters on primitive arrays: Butterworth design as second-order sections
 * ({@link org.soleus.core.filter.Butterworth}, {@link org.soleus.core.filter.SecondOrderSections}),
 * a causal streaming biquad cascade ({@link org.soleus.core.filter.BiquadCascade}), zero-phase
 * forward-backward filtering ({@link org.soleus.core.filter.ZeroPhase}) and linear bridging of short
 * NaN gaps before filtering ({@link org.soleus.core.filter.Gaps}). Designs and outputs match SciPy's
 * {@code butter(..., output='sos')}, {@code sosfilt}, {@code sosfilt_zi} and {@code sosfiltfilt}.
 */
package org.soleus.core.filter;
