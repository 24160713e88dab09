/**
 * Files of a synthetic session ({@link org.soleus.core.synthetic.SyntheticRecording}): the sensor
 * recording in the toolkit's CSV recording format and the truth beside it.
 */
package org.soleus.io.synthetic;
