package org.soleus.io.calibration;

import java.io.IOException;

/** A guided calibration stopped on request (Ctrl-C) before it had measured every cell. */
public final class CalibrationStopped extends IOException {
    private static final long serialVersionUID = 1L;

    CalibrationStopped() {
        super("stopped before every cell was measured");
    }
}
