package org.soleus.io.output;

/**
 * How an analysis was asked to run, beyond the analysis settings: written to
 * {@code summary.json}'s {@code settings} so that the run can be repeated.
 *
 * @param imuEvents       whether foot or shank IMUs timed the gait events ({@code --imu}, or a
 *                        recording with IMUs and no insole force)
 * @param calibrationFile the calibration that converted raw cells to newtons, as given, or null
 * @param subjectRow      the row of a table of subjects that gave the input's values (those whose
 *                        source is {@code table}), as messages name it
 *                        ({@code --subjects subjects.csv:4}), or null
 */
public record RunOptions(boolean imuEvents, String calibrationFile, String subjectRow) {
}
