/**
 * Validation of the analysis on real recordings shipped in {@code sample-data/}, against the
 * ground truth their authors published. Each test prints its figures in one line.
 */
package org.soleus.validation;
