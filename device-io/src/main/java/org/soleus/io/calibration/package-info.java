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
 *
 * <p>{@link org.soleus.io.calibration.CalibrationSession} guides the person calibrating through
 * the loads of a {@link org.soleus.io.calibration.MeasuringPlan} with the insole streaming,
 * on the cells that {@link org.soleus.io.calibration.CellSelection} picks, and
 * {@link org.soleus.io.calibration.FitReport} words each fit for them.
 */
package org.soleus.io.calibration;
