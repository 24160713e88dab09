/**
 * Whole-recording analyses that wire the kernels together: filters, contact events, strides
 * and loading, with the settings used and data-quality counts.
 */
package org.soleus.core.analysis;
