/**
 * Loading per stride: peak force, loading rate, impulse, centre of pressure.
 */
package org.soleus.core.load;
