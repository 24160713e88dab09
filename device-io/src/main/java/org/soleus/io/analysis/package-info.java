/**
 * The analysis of a recording file from end to end: {@link org.soleus.io.analysis.RecordingAnalysis}
 * reads it (converting raw cells to newtons with a calibration), finds its gait events and
 * strides, derives the leg loading and writes the result files of
 * {@link org.soleus.io.output.AnalysisOutputs}; {@link org.soleus.io.analysis.SummaryLine}
 * tells in one line what was found, and {@link org.soleus.io.analysis.FootGeometryOverride}
 * checks the foot dimensions a user gives for every input (a part given alone is completed per
 * recording, {@link org.soleus.core.ankle.GivenFootGeometry}).
 */
package org.soleus.io.analysis;
