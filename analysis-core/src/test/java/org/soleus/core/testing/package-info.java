/**
 * Helpers that the tests of several packages share: plain statistics over test results.
 */
package org.soleus.core.testing;
