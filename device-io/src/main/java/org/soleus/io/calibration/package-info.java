/**
 * Calibration of force-sensing resistor (FSR) cells from raw ADC counts to newtons.
 *
 * <p>{@link org.soleus.io.calibration.CellCalibration} is one cell's fit, linear
 * ({@code F = a·(c − c0)}) or power-law ({@code F = a·(c − c0)^b}), and
 * {@link org.soleus.io.calibration.Calibration} a device's set of them, stored as JSON by
 * {@link org.soleus.io.calibration.CalibrationFile} (format: {@code docs/calibration.md}).
 * {@link org.soleus.io.calibration.CalibrationFitter} fits a cell from readings under known
 * loads ({@link org.soleus.io.calibration.CalibrationPoint}, averaged over a hold by
 * {@link org.soleus.io.calibration.HoldAverage} or read from a CSV file by
 * {@link org.soleus.io.calibration.ReadingsCsv}), and
 * {@link org.soleus.io.calibration.CalibratingSink} applies a calibration to a sample stream
 * on its way to a recorder or the live analysis.
 */
package org.soleus.io.calibration;
