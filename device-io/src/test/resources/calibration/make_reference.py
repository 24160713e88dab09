#!/usr/bin/env python3
"""Reference fits for the org.soleus.io.calibration tests, computed with SciPy.

The Java tests only read the CSV files written here; they never run Python.
To regenerate (needs numpy and scipy), from the repository root:

    python3 device-io/src/test/resources/calibration/make_reference.py

Files written next to this script:
  scipy_readings.csv  readings of two cells under known loads, in the format of
                      `soleus calibrate --readings`: cell01 follows F = a (c - c0)^b, cell02
                      F = a (c - c0), both with seeded Gaussian noise on the counts; two
                      readings without load each.
  scipy_fit.csv       per cell and model: a, b, zero offset c0 (mean of the unloaded
                      readings) and the RMS residual in N over all readings. The power law is
                      fitted with scipy.optimize.curve_fit (Levenberg-Marquardt) on the loaded
                      readings, the linear law by least squares through the origin of
                      (c - c0, F).
"""
import os

import numpy as np
from scipy.optimize import curve_fit

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20250301
G = 9.80665

LOADS_KG = [0, 0, 1, 2, 5, 10, 15, 20, 30]
CELLS = {
    "left.insole.cell01_counts": ("power", 0.0102, 1.49, 40.0),
    "left.insole.cell02_counts": ("linear", 0.31, 1.0, 25.0),
}
NOISE_COUNTS = 3.0


def fmt(v):
    return repr(float(v))


def model(x, a, b):
    return np.where(x > 0, a * np.power(np.maximum(x, 1e-300), b), 0.0)


def main():
    rng = np.random.default_rng(SEED)
    loads = np.array(LOADS_KG, dtype=float)
    force = loads * G
    readings = {}
    for name, (_, a, b, c0) in CELLS.items():
        readings[name] = c0 + (force / a) ** (1.0 / b) + rng.normal(0.0, NOISE_COUNTS, loads.size)

    with open(os.path.join(HERE, "scipy_readings.csv"), "w") as f:
        f.write("# written by make_reference.py (seed %d)\n" % SEED)
        f.write("load_kg," + ",".join(CELLS) + "\n")
        for i, load in enumerate(loads):
            f.write(fmt(load) + "," + ",".join(fmt(readings[n][i]) for n in CELLS) + "\n")

    with open(os.path.join(HERE, "scipy_fit.csv"), "w") as f:
        f.write("channel,model,a,b,zero_offset_counts,rms_residual_n\n")
        for name in CELLS:
            c = readings[name]
            c0 = c[loads == 0].mean()
            x = c[loads > 0] - c0
            y = force[loads > 0]
            slope, intercept = np.polyfit(np.log(x), np.log(y), 1)
            (pa, pb), _ = curve_fit(lambda xx, a, b: a * xx ** b, x, y, p0=(np.exp(intercept), slope),
                                    method="lm", xtol=1e-14, ftol=1e-14, gtol=1e-14, maxfev=100000)
            la = np.sum(x * y) / np.sum(x * x)
            for kind, a, b in (("power", pa, pb), ("linear", la, 1.0)):
                rms = np.sqrt(np.mean((model(c - c0, a, b) - force) ** 2))
                f.write(",".join([name, kind, fmt(a), fmt(b), fmt(c0), fmt(rms)]) + "\n")


if __name__ == "__main__":
    main()
